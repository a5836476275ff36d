//! A labelled blog-comment set made by a seeded generator: see README.md
//! beside this file for what it holds and why it was generated.
//!
//! Everything is drawn from a small deterministic PRNG (SplitMix64), so a
//! seed always yields the same comments in the same order on every machine.

/// SplitMix64: tiny, fast, and identical everywhere; no dependency needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.between(0.0, 1.0) < p
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A float in `lo..hi`.
    pub fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }
}

/// One labelled comment, with what the form would have told the server.
#[derive(Debug, Clone)]
pub struct Sample {
    pub spam: bool,
    pub author_name: String,
    pub author_url: Option<String>,
    pub body: String,
    /// Which post of the imagined blog it was sent to (for repeated bodies).
    pub post: usize,
    /// Seconds between serving the form and sending it.
    pub fill_seconds: f64,
    /// The family it came from, to report where errors fall.
    pub kind: &'static str,
}

const FIRST: &[&str] = &[
    "Ann", "Marek", "Priya", "Tom", "Lucia", "Kenji", "Sofia", "Ben", "Aisha", "Olaf", "Mei",
    "Jonas", "Fatima", "Pete", "Ines", "Ravi", "Clara", "Diego", "Hana", "Sam",
];
const LAST: &[&str] = &[
    "Nowak",
    "Smith",
    "Okafor",
    "Lindqvist",
    "Rossi",
    "Tanaka",
    "Garcia",
    "Müller",
    "Dubois",
    "Kowalski",
    "Chen",
    "Haddad",
];
const TOPICS: &[&str] = &[
    "sourdough",
    "the bread",
    "your garden",
    "the tomatoes",
    "the hike",
    "that trail",
    "the borrow checker",
    "this refactor",
    "the lens",
    "the photos",
    "the novel",
    "chapter three",
    "the bike repair",
    "the chain",
    "the migration",
    "the database",
    "the recipe",
    "the quilt",
    "your trip",
    "the museum",
];
const HAM_OPENERS: &[&str] = &[
    "I tried {t} last weekend and",
    "We had the same problem with {t};",
    "Funny, I was just thinking about {t} and",
    "My grandmother always said {t} needs patience, and",
    "I disagree a little about {t}:",
    "Great write-up on {t}.",
    "Thanks for the post about {t}!",
    "Quick question about {t}:",
    "Not sure I agree about {t}, because",
    "Your note on {t} reminded me that",
];
const HAM_MIDDLES: &[&str] = &[
    "it took me {n} tries before it worked",
    "we walked for {n} hours and still missed the viewpoint",
    "I have been at it for {n} weeks now",
    "mine came out flat the first time",
    "the second half was much harder than I expected",
    "did you let it rest overnight or just an hour?",
    "I think the real trick is the temperature",
    "we ended up doing it by hand anyway",
    "the photos make it look easy, it really isn't",
    "I'd love to know which version you used",
    "my kids asked to do it again next week",
    "the instructions in the book skip that step",
    "it rained the whole time but it was worth it",
    "the compiler error was confusing until I read your explanation",
    "I remember doing this with my dad years ago",
    "what would you change if you did it again?",
    "honestly I gave up halfway and ordered pizza",
];
const HAM_CLOSERS: &[&str] = &[
    "",
    "",
    " Thanks for writing it down.",
    " Looking forward to the next part.",
    " Keep it up!",
    " Cheers from Kraków.",
    " Anyway, lovely post.",
    " Will report back.",
    " I'll try again on Sunday.",
];
/// Links people share in conversation.
const HAM_LINKS: &[&str] = &[
    "https://en.wikipedia.org/wiki/Sourdough",
    "https://doc.rust-lang.org/book/ch04-00-understanding-ownership.html",
    "https://github.com/rust-lang/rust/issues/12345",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.bbc.co.uk/food/recipes",
    "https://archive.org/details/texts",
    "https://www.openstreetmap.org/#map=12/50.06/19.94",
];
/// Ham that shares words with spam: the hard cases.
const HAM_TRICKY: &[&str] = &[
    "Thanks for sharing, great post!",
    "Great post, very informative. Thanks!",
    "We found cheap flights for the trip in March, it was worth the wait.",
    "I lost twenty euros at the casino in Monaco once, never again.",
    "Did you buy the lens new or second hand? The discount ones worry me.",
    "My brother works in SEO and he says the same thing about slow sites.",
    "Bitcoin came up at dinner too, nobody could explain it either.",
    "Nice article. I shared it with my team.",
    "Click the photo and it opens full size, took me a while to notice.",
    "Awesome, thank you!",
];

const SPAM_NAMES: &[&str] = &[
    "Best SEO Services",
    "Cheap Replica Watches",
    "Online Casino Bonus",
    "Payday Loans Fast",
    "Buy Viagra Online",
    "Essay Writing Service",
    "Crypto Signals Pro",
    "Dating Site Reviews",
    "Weight Loss Pills",
    "Forex Trading Bot",
];
const SPAM_PITCHES: &[&str] = &[
    "Buy cheap {p} online, no prescription needed, discreet shipping worldwide.",
    "Get the best {p} deals today, guaranteed lowest price and fast delivery.",
    "Earn $500 a day from home with {p}. Click here to start now!",
    "Looking for {p}? Visit our site for exclusive offers and a free bonus.",
    "Top rated {p} service, 100% satisfaction guaranteed, order now.",
    "Limited offer: {p} at 70% discount. Don't miss out, visit us today.",
    "We provide premium {p} for every budget, contact us for a free quote.",
];
const SPAM_PRODUCTS: &[&str] = &[
    "viagra",
    "cialis",
    "replica watches",
    "designer handbags",
    "payday loans",
    "casino bonuses",
    "online poker",
    "SEO backlinks",
    "instagram followers",
    "essay writing",
    "crypto trading signals",
    "weight loss pills",
    "forex robots",
    "escort services",
];
const SPAM_FLATTERY: &[&str] = &[
    "{Great|Nice|Awesome|Wonderful} {post|article|blog}! {Very|Really|Truly} {informative|helpful|useful}, {thanks for sharing|keep it up|I bookmarked it}.",
    "I {really|truly} {enjoyed|loved|appreciated} reading this {post|article}. {You have a great way|Your style is unique}, {keep posting|thanks a lot}!",
    "{Hello|Hi} {admin|webmaster}, {this is|what a} {great|excellent} {information|content}. {I will visit again|Bookmarked for later}.",
];
const SPAM_HOSTS: &[&str] = &[
    "pills-shop",
    "best-deals",
    "casino-royal",
    "fastloans",
    "seo-boost",
    "replica-world",
    "essaypro",
    "cryptosignal",
    "hotdates",
    "slimfast-now",
];
const SPAM_TLDS: &[&str] = &[
    ".xyz", ".top", ".ru", ".click", ".online", ".com", ".info", ".biz",
];

fn spin(rng: &mut Rng, template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('}').expect("closed brace");
        let options: Vec<&str> = rest[start + 1..end].split('|').collect();
        out.push_str(rng.pick(&options));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn spam_url(rng: &mut Rng) -> String {
    let host = rng.pick(SPAM_HOSTS);
    let tld = rng.pick(SPAM_TLDS);
    let n = rng.below(90) + 10;
    match rng.below(4) {
        0 => format!("https://bit.ly/{host}{n}"),
        1 => format!("http://{host}{n}{tld}/"),
        _ => format!("https://www.{host}{tld}/offer?id={n}"),
    }
}

fn person(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "Anonymous".into(),
        1..=4 => rng.pick(FIRST).to_owned(),
        _ => format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
    }
}

fn ham(rng: &mut Rng, posts: usize) -> Sample {
    let author_name = person(rng);
    let author_url = rng.chance(0.25).then(|| {
        let slug = author_name.to_lowercase().replace([' ', 'ü', 'ó'], "");
        format!(
            "https://{slug}{}",
            rng.pick(&[".blogspot.com", ".net", ".org", ".com", ".dev"])
        )
    });
    let (body, kind) = if rng.chance(0.12) {
        let greeting = rng.pick(&["", "Hi! ", "Hello, ", "Oh, "]);
        let sign = rng.pick(&["", " :)", " Greetings.", " Cheers."]);
        // People rarely send the very same words: most add a thought.
        let thought = if rng.chance(0.7) {
            let n = (rng.below(11) + 2).to_string();
            format!(
                " Also, {}.",
                rng.pick(HAM_MIDDLES).replace('?', "").replace("{n}", &n)
            )
        } else {
            String::new()
        };
        (
            format!("{greeting}{}{thought}{sign}", rng.pick(HAM_TRICKY)),
            "ham: overlaps spam",
        )
    } else {
        let t = rng.pick(TOPICS);
        let mut body = format!(
            "{} {}.{}",
            rng.pick(HAM_OPENERS).replace("{t}", t),
            rng.pick(HAM_MIDDLES)
                .replace("{n}", &(rng.below(11) + 2).to_string()),
            rng.pick(HAM_CLOSERS)
        );
        if rng.chance(0.6) {
            body.push(' ');
            let n = (rng.below(11) + 2).to_string();
            body.push_str(&rng.pick(HAM_MIDDLES).replace('?', ".").replace("{n}", &n));
            body.push('.');
        }
        let kind = if rng.chance(0.15) {
            body.push_str(&format!(" See {}", rng.pick(HAM_LINKS)));
            "ham: with a link"
        } else {
            "ham: conversation"
        };
        (body, kind)
    };
    Sample {
        spam: false,
        author_name,
        author_url,
        body,
        post: rng.below(posts),
        // People take a while; a few paste a prepared text at once.
        fill_seconds: if rng.chance(0.03) {
            rng.between(1.0, 3.0)
        } else {
            rng.between(6.0, 600.0)
        },
        kind,
    }
}

fn spam(rng: &mut Rng, posts: usize) -> Sample {
    let (author_name, author_url, body, kind) = if rng.chance(0.3) {
        // Flattery: bland praise, the pay-off is the author link.
        let name = if rng.chance(0.5) {
            person(rng)
        } else {
            rng.pick(SPAM_NAMES).to_owned()
        };
        let template = rng.pick(SPAM_FLATTERY);
        (
            name,
            Some(spam_url(rng)),
            spin(rng, template),
            "spam: flattery",
        )
    } else {
        let product = rng.pick(SPAM_PRODUCTS);
        let mut body = rng.pick(SPAM_PITCHES).replace("{p}", product);
        for _ in 0..rng.below(4) + 1 {
            body.push(' ');
            body.push_str(&spam_url(rng));
        }
        if rng.chance(0.2) {
            body = body.to_uppercase();
        }
        let name = if rng.chance(0.7) {
            rng.pick(SPAM_NAMES).to_owned()
        } else {
            person(rng)
        };
        let url = rng.chance(0.6).then(|| spam_url(rng));
        (name, url, body, "spam: pitch")
    };
    Sample {
        spam: true,
        author_name,
        author_url,
        body,
        post: rng.below(posts),
        // Most bots post at once; some wait to look human.
        fill_seconds: if rng.chance(0.6) {
            rng.between(0.1, 2.5)
        } else {
            rng.between(3.0, 120.0)
        },
        kind,
    }
}

/// `ham_count` ham and `spam_count` spam comments over `posts` posts,
/// shuffled. Spam bots send their text to several posts, so a spam body is
/// sometimes copied to another post.
pub fn generate(seed: u64, ham_count: usize, spam_count: usize, posts: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    let mut out: Vec<Sample> = (0..ham_count).map(|_| ham(&mut rng, posts)).collect();
    for _ in 0..spam_count {
        let s = spam(&mut rng, posts);
        let copy = rng.chance(0.25).then(|| Sample {
            post: rng.below(posts),
            fill_seconds: rng.between(0.1, 2.5),
            ..s.clone()
        });
        out.push(s);
        out.extend(copy);
    }
    // Fisher–Yates, seeded.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}
