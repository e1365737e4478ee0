import fc from 'fast-check';

const FIELDS = ['title', 'standfirst', 'published', 'updated', 'section', 'tags', 'source', 'byline', 'image', 'draft'];

/** Front matter from anything to nearly right: known and unknown keys, every kind of value. */
export const frontMatter = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })),
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('2024-06-18', '2024-02-30', '2024-06-18T09:30:00-04:00', 'yesterday', ''),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
    fc.record({ name: fc.string({ maxLength: 10 }), url: fc.constantFrom('https://x.example/a', '/a', 'javascript:x') }, { requiredKeys: [] }),
    fc.record({ caption: fc.string({ maxLength: 10 }), afterParagraph: fc.integer({ min: -2, max: 5 }), src: fc.constantFrom('./nope.jpg', 'x') }, { requiredKeys: [] }),
  ),
  { maxKeys: 12 },
);

/** Markdown from nothing to hostile. */
export const markdown = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.constantFrom('# Head', 'Text.', '> quote', '<script>x()</script>', '![a](./a.png)', '[l](javascript:x)', '<img src=x onerror=y>', '', '|a|b|'), { maxLength: 8 }).map((lines) => lines.join('\n\n')),
);

