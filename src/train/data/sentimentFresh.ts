/**
 * WRITTEN AFTER THE ENGLISH SENTIMENT MODELS OF THE FIVE CLASSIC KINDS WERE FINAL (2026-12-07,
 * after `npm run train -- --task sentiment --cell rnn|lstm|gru|coupled|peephole` had written
 * public/models/sentiment-*.json; minGRU, sLSTM and minLSTM were still training with the same,
 * fixed recipe and nothing was changed for them). NEVER USED FOR TRAINING OR TUNING. Fifty
 * everyday English opinions (MIT, written here), labelled by hand, in six categories, written
 * without looking at any model's output on them and in phrasings unlike the grammar's. What the
 * models and the bag-of-words baseline do on them is reported by `npx tsx
 * scripts/sentiment-fresh.ts` (README, "Sentiment"). Nothing in the training code imports this
 * file; a test checks that none of these sentences is a training, validation or held-out one.
 */
export const FRESH_CATEGORIES = ['negation', 'contrast', 'superlative', 'domain', 'emotional', 'plain'] as const;

type Category = (typeof FRESH_CATEGORIES)[number];

const ROWS: ReadonlyArray<readonly [Category, 0 | 1, string]> = [
  ['negation', 0, 'the second half was not interesting in the slightest'],
  ['negation', 1, 'i have to admit the food was not bad'],
  ['negation', 0, 'nobody at the desk seemed to care'],
  ['negation', 1, 'there was never a boring moment in this show'],
  ['negation', 0, 'the headphones do not stay in my ears'],
  ['negation', 1, 'i cannot find anything wrong with this kettle'],
  ['negation', 0, 'the jokes never really land'],
  ['negation', 1, 'it is not the worst thing i have eaten , it is actually pretty good'],
  ['negation', 0, "i wouldn't call the room clean"],
  ['contrast', 1, 'the queue was long , but the tacos were worth it'],
  ['contrast', 0, 'the poster looked exciting , but the film itself was a chore'],
  ['contrast', 1, 'even though it rained all week , we loved the trip'],
  ['contrast', 0, 'although the waiter was sweet , our food came out cold'],
  ['contrast', 1, 'the book starts slowly , yet the last chapters are wonderful'],
  ['contrast', 0, 'the phone is pretty , but the battery is a joke'],
  ['contrast', 1, 'it is expensive but honestly worth every cent'],
  ['contrast', 0, 'the hotel was cheap , though we could not sleep for the noise'],
  ['contrast', 1, 'i was sceptical at first , but this app won me over'],
  ['superlative', 0, 'the worst customer service i have ever dealt with'],
  ['superlative', 1, 'hands down the best ramen in the city'],
  ['superlative', 0, 'probably the most boring lecture of my life'],
  ['superlative', 1, 'the nicest hotel staff we have met anywhere'],
  ['superlative', 0, 'this is the least comfortable chair i have owned'],
  ['superlative', 1, 'my favourite film of the year so far'],
  ['superlative', 0, 'easily the dullest episode of the season'],
  ['superlative', 1, 'the most useful gadget in my kitchen'],
  ['domain', 1, 'the vacuum picks up every bit of dog hair'],
  ['domain', 0, 'the zip broke the first time i opened the bag'],
  ['domain', 1, 'the screen protector went on without a single bubble'],
  ['domain', 0, 'the app logs me out every time i open it'],
  ['domain', 1, 'the noodles were springy and the broth was rich'],
  ['domain', 0, 'the sofa arrived with a big scratch down one side'],
  ['domain', 1, 'the tutor explained fractions so my son finally gets them'],
  ['domain', 0, 'the wifi in the room kept dropping all night'],
  ['emotional', 1, 'i sobbed through the last scene , it was so beautiful'],
  ['emotional', 0, 'i wanted to cry from boredom'],
  ['emotional', 1, 'this song makes me so happy every morning'],
  ['emotional', 0, 'the ending left me angry and cheated'],
  ['emotional', 1, 'it broke my heart in the best possible way'],
  ['emotional', 0, 'i was so embarrassed that i had recommended it'],
  ['emotional', 1, 'we laughed until our faces hurt'],
  ['emotional', 0, 'the whole evening made me miserable'],
  ['plain', 1, 'a really lovely little bakery'],
  ['plain', 0, 'the coffee tasted burnt'],
  ['plain', 1, 'the staff went out of their way to help us'],
  ['plain', 0, 'a complete waste of an afternoon'],
  ['plain', 1, 'great fun for the whole family'],
  ['plain', 0, 'the seats were hard and the film was far too long'],
  ['plain', 1, 'the delivery was quick and everything was fresh'],
  ['plain', 0, 'i regret every penny i spent on it'],
];

export const FRESH: ReadonlyArray<{ readonly category: Category; readonly label: 0 | 1; readonly text: string }> = ROWS.map(([category, label, text]) => ({ category, label, text }));
