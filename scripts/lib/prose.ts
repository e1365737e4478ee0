/**
 * Generated news copy for benchmarks: headlines and bodies whose words vary from article to article
 * as a newsroom's do, so that Markdown, search and memory figures mean something (copies of one
 * article put every word on every page). Sentences are made from templates filled from pools of
 * people, places, organisations and phrases, a few thousand invented surnames and place names
 * among them (the rare words of an archive); each article draws its sentences from a shared pool
 * with a skew, so common sentences recur across many articles, as a running story's background
 * does, and most occur in a few. Deterministic for a seed. Every name is invented or generic:
 * nothing here is a fact about anyone.
 */

/** mulberry32: a small, well-known seeded generator; numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tan',
  'vi',
  'sol',
  'ber',
  'na',
  'dra',
  'ko',
  'ris',
  'ul',
  'the',
  'ma',
  'gor',
  'an',
  'fel',
  'sen',
  'ta',
  'wy',
  'zi',
  'ha',
  'mon',
  'dé',
  'ström',
  'ov',
  'ich',
  'ez',
  'ová',
  'ski',
];
const FIRST_NAMES = [
  'Anna',
  'Peter',
  'Maria',
  'Jonas',
  'Leila',
  'Tomasz',
  'Ingrid',
  'Kofi',
  'Mei',
  'Carlos',
  'Sofia',
  'Ahmed',
  'Elena',
  'David',
  'Aiko',
  'Lukas',
  'Nadia',
  'Omar',
  'Greta',
  'Rahul',
];
const ORGANISATIONS = [
  'the ministry of defence',
  'the central bank',
  'the electoral commission',
  'the port authority',
  'the health service',
  'the city council',
  'the supreme court',
  'the finance ministry',
  'the transport agency',
  'the weather service',
  'the football federation',
  'the teachers’ union',
  'the energy regulator',
  'the coast guard',
  'the statistics office',
];
const VERBS = [
  'announced',
  'rejected',
  'approved',
  'delayed',
  'criticised',
  'defended',
  'investigated',
  'confirmed',
  'questioned',
  'postponed',
  'welcomed',
  'proposed',
  'suspended',
  'reviewed',
  'expanded',
];
const OBJECTS = [
  'a new budget for schools',
  'the plan to widen the motorway',
  'a ban on night flights',
  'the sale of the state airline',
  'a rise in bus fares',
  'the reform of the pension system',
  'new rules for drone flights',
  'the harbour expansion',
  'a tax on sugary drinks',
  'the merger of two regional hospitals',
  'emergency funding for farmers',
  'the closure of the coal plant',
  'a review of police powers',
  'the deal on fishing quotas',
  'the new rail timetable',
];
const TIMES = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'at the weekend',
  'last week',
  'late on Sunday',
  'earlier this month',
  'in a statement',
  'after a long debate',
  'before the vote',
];
const FEELINGS = [
  'a difficult decision',
  'long overdue',
  'a step in the right direction',
  'unacceptable for many families',
  'the only responsible choice',
  'a matter of weeks',
  'too early to say',
  'a question of trust',
];
const SUBJECTS = [
  'unemployment',
  'the storm damage',
  'turnout',
  'the harvest',
  'inflation',
  'the waiting list',
  'traffic on the bridge',
  'the river level',
  'ticket sales',
  'the deficit',
];

/** A generated newsroom vocabulary: invented people and places, and the phrases copy is made of. */
interface Vocabulary {
  person: () => string;
  place: () => string;
  pick: <T>(items: readonly T[]) => T;
  number: () => string;
}

function vocabulary(next: () => number): Vocabulary {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = (parts: number) => {
    const text = Array.from({ length: parts }, () => pick(SYLLABLES)).join('');
    return text[0]!.toUpperCase() + text.slice(1);
  };
  // A few thousand invented surnames and places: most occur in a few articles only.
  const surnames = Array.from({ length: 3000 }, () => word(2 + Math.floor(next() * 2)));
  const places = Array.from({ length: 800 }, () => `${word(2)}${pick(['burg', 'ville', 'stad', 'ford', 'ovo', 'a', 'en', ''])}`);
  return {
    person: () => `${pick(FIRST_NAMES)} ${pick(surnames)}`,
    place: () => pick(places),
    pick,
    number: () =>
      pick([
        `${Math.floor(next() * 90) + 2}`,
        `${(next() * 9 + 1).toFixed(1)} per cent`,
        `${Math.floor(next() * 900) + 100} million`,
        `${Math.floor(next() * 40) + 2},${String(Math.floor(next() * 1000)).padStart(3, '0')}`,
      ]),
  };
}

const TEMPLATES: ((v: Vocabulary) => string)[] = [
  (v) =>
    `${v.person()}, a spokesperson for ${v.pick(ORGANISATIONS)}, said ${v.pick(TIMES)} that officials had ${v.pick(VERBS)} ${v.pick(OBJECTS)}.`,
  (v) => `“It is ${v.pick(FEELINGS)},” ${v.person()} told reporters in ${v.place()}.`,
  (v) => `In ${v.place()}, ${v.pick(SUBJECTS)} rose to ${v.number()}, according to ${v.pick(ORGANISATIONS)}.`,
  (v) =>
    `${v.pick(ORGANISATIONS).replace(/^the/, 'The')} ${v.pick(VERBS)} ${v.pick(OBJECTS)} ${v.pick(TIMES)}, a move ${v.person()} called ${v.pick(FEELINGS)}.`,
  (v) => `Residents of ${v.place()} and ${v.place()} have waited ${v.number()} days for an answer.`,
  (v) =>
    `${v.person()} ${v.pick(VERBS)} the figures, saying ${v.pick(SUBJECTS)} in ${v.place()} had been ${v.pick(['underestimated', 'counted twice', 'revised', 'published late'])}.`,
  (v) => `The decision follows months of talks between ${v.pick(ORGANISATIONS)} and ${v.pick(ORGANISATIONS)}.`,
  (v) => `Critics, among them ${v.person()} of ${v.place()}, said the plan would cost ${v.number()}.`,
  (v) => {
    const time = v.pick(TIMES);
    return `${time[0]!.toUpperCase()}${time.slice(1)}, ${v.number()} people gathered outside the town hall in ${v.place()}.`;
  },
  (v) => `Asked whether ${v.pick(OBJECTS)} would go ahead, ${v.person()} said it was ${v.pick(FEELINGS)}.`,
];

/** A pool of sentences to draw bodies from, and how to make a headline. */
export interface Prose {
  /** A sentence from the shared pool: low indexes far more often than high ones. */
  sentence: () => string;
  /** A headline naming an invented person and place, with the article's number so every one differs. */
  headline: (number: number) => string;
  /** Between `min` and `max` (inclusive). */
  between: (min: number, max: number) => number;
}

/** A generator of copy for `seed`: `poolSize` sentences shared by every article it writes. */
export function prose(seed: number, poolSize = 20_000): Prose {
  const next = random(seed);
  const words = vocabulary(next);
  const pool = Array.from({ length: poolSize }, () => words.pick(TEMPLATES)(words));
  return {
    // The index of a sentence falls off as a power of a uniform draw: a few sentences recur in
    // many articles, most in a handful.
    sentence: () => pool[Math.floor(poolSize * next() ** 3)]!,
    headline: (number) => `${words.person()} ${words.pick(VERBS)} ${words.pick(OBJECTS)} in ${words.place()} (No. ${number})`,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
