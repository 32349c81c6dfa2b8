/**
 * Everyday English opinions written by hand for the English sentiment models (MIT, written
 * here): films and books, food and restaurants, products, phones and apps, hotels and trips,
 * service, teachers and classes; with negated adjectives of every strength, superlatives,
 * contrast in both orders, feelings beside verdicts, and rarer domain words. Unlike the generated
 * sentences they are not built from one word list. The project's hash rule (split.ts) on each
 * sentence's tokens decides its part before any training: about 8 in 10 train, 1 in 10
 * validation (keep-best) and 1 in 10 the held-out everyday set, reported and never trained on.
 * Written as pairs, one a line: a positive sentence, |, a negative one (the pairs share a topic,
 * which keeps the two labels in balance). None is one of the 40 old everyday check sentences
 * (everyday.ts) or a preset (a test checks).
 */
const PAIRS = `
the noodles were hot and full of flavour | the noodles were cold and far too salty
best burger i have had in years | worst burger i have had in years
the chef clearly knows what he is doing | the chef should find another job
portions were huge and the prices fair | tiny portions for a very high price
the curry was not too spicy , just right | the curry was not spicy at all , just bland
i would happily eat here every week | i would not eat here again if it were free
the bread was warm and the butter was soft | the bread was hard and the butter was rancid
the waitress remembered our names , lovely touch | the waitress ignored us for twenty minutes
we left full and happy | we left hungry and annoyed
the soup was not bad , actually quite nice | the soup was not great , actually quite watery
nothing fancy , but the food was honest and good | it looked fancy , but the food was honest junk
the steak was cooked exactly how i asked | the steak was raw in the middle and tough at the edges
even the salad was tasty | even the salad was wilted
the ice cream was creamy and rich | the ice cream had melted and tasted of the freezer
brunch here is always a treat | brunch here is always a gamble
the smoothie was fresh and not too sweet | the smoothie was warm and sickly sweet
the film was long , but i never looked at my watch | the film was short , but it still felt endless
the film was not boring for a second | the film was not interesting for a second
i cried at the end , what a beautiful story | i nearly fell asleep , what a tedious story
it made me cry in the best way | it made me cry because it was so awful
the actors were so believable | the actors seemed bored the whole time
a clever script and a great twist | a lazy script and a twist you can see coming
the best film i have seen this year | the worst film i have seen this year
not the best film ever , but really good fun | not the worst film ever , but really not good
the sequel was even better than the first one | the sequel was nowhere near as good as the first one
i was smiling from start to finish | i was checking my phone from start to finish
the music gave me goosebumps | the music was so loud it gave me a headache
the story was sad but beautifully told | the story was sad and badly told
it deserves every award it gets | it does not deserve a single award
the animation was gorgeous | the animation looked cheap and ugly
i could watch it again and again | once was more than enough
a gentle , funny and warm little film | a loud , stupid and cynical film
the documentary taught me so much | the documentary taught me nothing new
the last episode was perfect | the last episode ruined the whole series
the novel was hard to put down | the novel was hard to finish
i finished the book in one night | i gave up on the book after ten pages
the characters feel like real people | the characters feel like cardboard
the author writes with real warmth | the author writes like a tax form
although it is long , the book never drags | although it is short , the book still drags
beautifully written and deeply moving | badly written and deeply boring
the ending was not predictable at all | the ending was not surprising at all
it is the kind of book you lend to friends | it is the kind of book you leave on the train
my phone charges in half an hour | my phone takes all night to charge
the battery easily lasts two days | the battery barely lasts until lunch
the camera takes sharp photos even at night | the camera takes blurry photos even in daylight
the screen is bright and the colours are rich | the screen is dim and the colours look washed out
the app is fast and easy to use | the app is slow and keeps crashing
since the update the app works better than ever | since the update the app does not even open
setting it up took two minutes | setting it up took two hours and three phone calls
the headphones are comfortable and sound amazing | the headphones hurt my ears and sound tinny
the laptop is light and very quick | the laptop is heavy and painfully slow
the blender crushes ice with no trouble | the blender broke the first time i used it
the vacuum cleaner is quiet and powerful | the vacuum cleaner is loud and barely picks anything up
the kettle boils fast and looks great | the kettle leaks and the handle gets hot
the charger works with all my devices | the charger stopped working after a week
it does exactly what it says on the box | it does nothing that it says on the box
sturdy , well made and good value | flimsy , badly made and overpriced
the shoes were comfortable from the first day | the shoes gave me blisters on the first day
the jacket keeps me warm and dry | the jacket let the rain straight through
the jeans fit perfectly | the jeans fell apart after two washes
my daughter loves this toy | my daughter was bored of this toy in a day
the parcel arrived a day early | the parcel arrived two weeks late and damaged
customer support solved my problem in minutes | customer support never answered my emails
the refund was quick and easy | getting a refund was a nightmare
i am really glad i bought it | i really regret buying it
the mattress is firm but very comfortable | the mattress is soft but very uncomfortable
the printer has not jammed once | the printer jams every single time
the room was spotless and the bed was huge | the room was dusty and the bed was tiny
the view from our balcony was breathtaking | the view from our window was a brick wall
the staff at the front desk were so welcoming | the staff at the front desk could not care less
the hotel was quiet and we slept very well | the hotel was noisy and we barely slept
breakfast had something for everyone | breakfast was the same stale pastries every day
the pool was clean and never crowded | the pool was dirty and always crowded
we felt at home from the moment we arrived | we wanted to leave from the moment we arrived
the shower was hot and the towels were soft | the shower was cold and the towels were rough
great location , right next to the station | terrible location , miles from anything
our guide was funny and knew everything | our guide was late and knew nothing
the museum was fascinating | the museum was closed half the time and dull the rest
the beach was quiet and the water was clear | the beach was packed and the water was filthy
the old town is charming at night | the old town is a tourist trap at night
the hike was hard but the views made it worth it | the views were nice but the hike was miserable
the flight was smooth and the crew were kind | the flight was delayed and the crew were rude
the train was on time and comfortable | the train was late and overcrowded
this was our best holiday so far | this was our worst holiday so far
the campsite was peaceful and well kept | the campsite was muddy and badly kept
the barber did a great job | the barber ruined my hair
the mechanic was honest and fixed it fast | the mechanic charged a fortune and fixed nothing
the plumber came on time and was very polite | the plumber never showed up
the nurses were kind and patient | the nurses were rushed and unfriendly
the receptionist was really helpful | the receptionist was really unhelpful
the cleaners did a wonderful job | the cleaners missed half the house
the gym is clean and the trainers are friendly | the gym is filthy and the machines are broken
the bank sorted it out the same day | the bank kept me on hold for an hour
our teacher explains everything clearly | our teacher explains nothing clearly
the lessons are never boring | the lessons are never useful
i learned more in this course than in a year at school | i learned nothing in this course
she is the best teacher i have ever had | she is the worst teacher i have ever had
the homework helps a lot | the homework is pointless busywork
the lecturer is patient and answers every question | the lecturer is impatient and ignores every question
the class was hard but really rewarding | the class was easy but really pointless
i actually look forward to maths now | i dread every maths lesson now
the exam was fair | the exam was unfair
the workshop was well organised and inspiring | the workshop was badly organised and tiring
the game is gorgeous and so much fun | the game is ugly and no fun at all
the controls feel smooth and natural | the controls feel clumsy and slow
i have played it for weeks and i am still hooked | i played it for an hour and i was already bored
the concert was unforgettable | the concert was a big letdown
the band sounded even better live | the band sounded much worse live
the play was funny and very well acted | the play was confusing and badly acted
the show was not perfect , but i enjoyed it | the show was not awful , but i did not enjoy it
not a single dull moment | not a single funny moment
i can not stop recommending it to friends | i can not recommend it to anyone
i am so happy with it | i am so unhappy with it
it exceeded all my expectations | it fell far short of my expectations
honestly , it is better than i hoped | honestly , it is worse than i feared
absolutely worth the wait | absolutely not worth the wait
it works like a charm | it does not work at all
i have no complaints | i have nothing but complaints
nothing to complain about | nothing to like about it
a pleasant surprise | an unpleasant surprise
money well spent | money down the drain
it could not have been better | it could not have been worse
i was impressed | i was not impressed
far better than i expected | far worse than i expected
we had the time of our lives | we had a miserable time
what a lovely place | what a horrible place
this is exactly what i needed | this is not what i ordered
ten out of ten | zero out of ten
i would give it more stars if i could | i would give it zero stars if i could
even my picky son loved it | even my hungry son refused to eat it
the price is a bit high but the quality is excellent | the price is low but the quality is even lower
it is small but mighty | it is big but useless
the design is simple and elegant | the design is ugly and awkward
cheap and cheerful , exactly as hoped | cheap and nasty , as i feared
i did not expect much , but it was great | i expected a lot , but it was awful
`;

export const HANDWRITTEN: ReadonlyArray<{ readonly text: string; readonly label: 0 | 1 }> = PAIRS.trim()
  .split('\n')
  .flatMap((line) => {
    const [pos, neg] = line.split(' | ');
    if (!pos || !neg) throw new Error(`sentimentHand: "${line}" is not a pair "positive | negative"`);
    return [
      { text: pos, label: 1 as const },
      { text: neg, label: 0 as const },
    ];
  });
