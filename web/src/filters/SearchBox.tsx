/** Free-text search in descriptions; "/" focuses it from anywhere. */
import { TextInput, Kbd, CloseButton } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

export function SearchBox({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim()), 350);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, [contenteditable]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return (
    <TextInput
      ref={input}
      size="xs"
      w={280}
      placeholder="Search descriptions"
      aria-label="Search descriptions"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit.cancel(); // the debounced commit would otherwise come after, with the same text
          onChange(text.trim());
        }
        if (event.key === 'Escape') event.currentTarget.blur();
      }}
      rightSection={
        text ? (
          <CloseButton
            size="xs"
            aria-label="Clear the search"
            onClick={() => {
              commit.cancel(); // or the text typed just before comes back
              setText('');
              onChange('');
            }}
          />
        ) : (
          <Kbd size="xs">/</Kbd>
        )
      }
    />
  );
}
