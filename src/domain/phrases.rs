//! Noun phrases of a text (an excerpt or a member's reply): a small rule-based tagger with
//! a lexicon of closed-class words, common verbs and adjectives, then a chunker that keeps
//! runs of modifiers ending in a noun inside one sentence ("balance of power", "rival empire").
//!
//! No well-kept Rust part-of-speech crate fits a pure, offline, small core (nlprule needs
//! downloaded model files, rust-bert a neural runtime), so the rules are written here and
//! tested below. The rules err on the side of leaving a phrase out: a phrase never crosses
//! a sentence end or punctuation, never ends in a verb, adverb, adjective or stop word
//! ("world goes", "faction cannot"), and never holds a number ("hundred archers").

use std::collections::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::sentences::sentence_spans;
use super::stop_words::is_stop_word;

/// One noun phrase as it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    /// As written (without emphasis marks): "Sino-Russian rapprochement", "axis of convenience".
    pub surface: String,
    /// Lowercased stems of its content words, so the same phrase elsewhere matches
    /// ("rival empires" and "the rival empire" share "rival empir").
    pub key: String,
    /// Words in `surface`.
    pub words: usize,
    /// Which sentence of the text it is in (0-based, as `sentences::sentences` counts).
    pub sentence: usize,
    /// Byte offset of `surface` in the text.
    pub start: usize,
    /// The whole phrase stands in quotation marks: “uneasy bargain”.
    pub quoted: bool,
    /// Every content word is capitalised and it is not the sentence's first word alone:
    /// a name ("Bill of Rights", "Lacedaemonian faction" is not one).
    pub proper: bool,
    /// It starts the sentence (its capital may be only the sentence's).
    pub at_sentence_start: bool,
    /// It stands in an oblique case (Russian "открытой книгой"): a spelling in the
    /// nominative is preferred when the text has one, and the phrase ranks lower.
    pub oblique: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Det,
    Pron,
    Prep,
    Conj,
    Aux,
    Adv,
    Num,
    Verb,
    /// An -ing or -ed form that modifies a following noun after a determiner.
    Participle,
    Adj,
    Noun,
    Proper,
    /// "of" (which may join two nouns: "balance of power").
    Of,
    Punct,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    lower: String,
    start: usize,
    end: usize,
    tag: Tag,
    /// Ends in 's or ’ (a possessive): it closes the phrase it is in.
    possessive: bool,
}

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static DETERMINERS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "some",
        "any",
        "no",
        "every",
        "each",
        "all",
        "both",
        "either",
        "neither",
        "such",
        "much",
        "many",
        "more",
        "most",
        "few",
        "fewer",
        "several",
        "whose",
        "which",
        "what",
        "another",
        "other",
        "others",
        "same",
        "thy",
        "thine",
        "whatever",
        "whichever",
        "less",
        "least",
        "enough",
        "next",
    ])
});

static PRONOUNS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "i",
        "me",
        "you",
        "he",
        "him",
        "she",
        "it",
        "we",
        "us",
        "they",
        "them",
        "myself",
        "yourself",
        "himself",
        "herself",
        "itself",
        "ourselves",
        "yourselves",
        "themselves",
        "who",
        "whom",
        "anything",
        "nothing",
        "everything",
        "something",
        "someone",
        "anyone",
        "everyone",
        "nobody",
        "somebody",
        "anybody",
        "everybody",
        "none",
        "mine",
        "yours",
        "hers",
        "ours",
        "theirs",
        "thee",
        "thou",
        "ye",
        "oneself",
        "whoever",
    ])
});

static PREPOSITIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "into",
        "onto",
        "upon",
        "about",
        "against",
        "among",
        "amongst",
        "between",
        "through",
        "throughout",
        "during",
        "before",
        "after",
        "above",
        "below",
        "under",
        "over",
        "without",
        "within",
        "towards",
        "toward",
        "across",
        "along",
        "around",
        "behind",
        "beyond",
        "despite",
        "except",
        "like",
        "near",
        "off",
        "since",
        "than",
        "until",
        "till",
        "via",
        "per",
        "amid",
        "amidst",
        "beside",
        "besides",
        "beneath",
        "inside",
        "outside",
        "unto",
        "concerning",
        "regarding",
        "out",
        "up",
        "down",
        "minus",
        "plus",
    ])
});

static CONJUNCTIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "and", "or", "but", "nor", "yet", "so", "if", "because", "although", "though", "while",
        "whilst", "whereas", "unless", "whether", "as", "when", "where", "why", "how", "that",
        "then", "lest", "whenever", "wherever", "whereby", "wherein",
    ])
});

static AUXILIARIES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "be",
        "am",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "cannot",
        "ought",
        "not",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "shouldn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "mustn't",
        "shan't",
        "it's",
        "that's",
        "there's",
        "let",
        "hath",
        "doth",
        "art",
        "wilt",
        "shalt",
        "canst",
        "dost",
    ])
});

static ADVERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "not",
        "very",
        "too",
        "quite",
        "rather",
        "also",
        "even",
        "only",
        "just",
        "still",
        "already",
        "always",
        "never",
        "often",
        "sometimes",
        "ever",
        "here",
        "there",
        "now",
        "thus",
        "hence",
        "therefore",
        "however",
        "indeed",
        "perhaps",
        "again",
        "almost",
        "soon",
        "once",
        "twice",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "instead",
        "anyway",
        "somewhat",
        "else",
        "away",
        "back",
        "forth",
        "together",
        "apart",
        "alone",
        "afterwards",
        "meanwhile",
        "seldom",
        "far",
        "well",
        "much",
        "no",
        "yes",
        "forthwith",
        "fain",
        "thereby",
        "therein",
        "whence",
        "thence",
        "hither",
        "thither",
        "ago",
        "aside",
        "abroad",
        "ahead",
        "anew",
        "yet",
        "merely",
        "pray",
    ])
});

/// -ly words that are nouns or adjectives heading a noun, not adverbs.
static LY_NOUNS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "family",
        "ally",
        "assembly",
        "monopoly",
        "supply",
        "italy",
        "july",
        "reply",
        "fly",
        "rally",
        "anomaly",
        "melancholy",
        "folly",
        "belly",
        "bully",
        "lily",
        "jelly",
        "holly",
        "homily",
        "butterfly",
        "oligopoly",
        "sicily",
    ])
});

static NUMBERS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
        "score",
        "half",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "hundredth",
        "thousandth",
        "percent",
        "per cent",
    ])
});

/// Common adjectives without a telling suffix.
static ADJECTIVES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "good",
        "bad",
        "great",
        "small",
        "large",
        "big",
        "little",
        "long",
        "short",
        "high",
        "low",
        "old",
        "new",
        "young",
        "strong",
        "weak",
        "free",
        "just",
        "unjust",
        "true",
        "false",
        "real",
        "whole",
        "certain",
        "clear",
        "common",
        "fair",
        "equal",
        "unequal",
        "open",
        "full",
        "poor",
        "rich",
        "safe",
        "wise",
        "able",
        "sure",
        "likely",
        "unlikely",
        "main",
        "own",
        "only",
        "best",
        "better",
        "worse",
        "worst",
        "last",
        "next",
        "early",
        "late",
        "hard",
        "easy",
        "right",
        "wrong",
        "proper",
        "ready",
        "alive",
        "aware",
        "afraid",
        "due",
        "fit",
        "dear",
        "deep",
        "wide",
        "broad",
        "narrow",
        "near",
        "far",
        "dead",
        "sick",
        "whole",
        "mere",
        "sole",
        "vast",
        "vain",
        "firm",
        "fine",
        "plain",
        "quick",
        "slow",
        "rare",
        "wild",
        "calm",
        "cruel",
        "bold",
        "brave",
        "modern",
        "former",
        "latter",
        "utmost",
        "upper",
        "inner",
        "outer",
        "present",
        "absent",
        "evident",
        "different",
        "excellent",
        "sufficient",
        "independent",
        "important",
        "significant",
        "violent",
        "ancient",
        "recent",
        "apparent",
        "constant",
        "distant",
        "silent",
        "urgent",
        "permanent",
        "prudent",
        "innocent",
        "confident",
        "consistent",
        "dependent",
        "efficient",
        "frequent",
        "intelligent",
        "patient",
        "convenient",
        "relevant",
        "reluctant",
        "abundant",
        "arrogant",
        "brilliant",
        "dominant",
        "elegant",
        "ignorant",
        "pleasant",
        "vigilant",
        "stronger",
        "weaker",
        "greater",
        "smaller",
        "larger",
        "higher",
        "lower",
        "older",
        "newer",
        "younger",
        "richer",
        "poorer",
        "wiser",
        "safer",
        "harder",
        "easier",
        "fewer",
        "bigger",
        "wider",
        "deeper",
        "closer",
        "earlier",
        "later",
        "heavy",
        "happy",
        "angry",
        "busy",
        "easy",
        "empty",
        "guilty",
        "healthy",
        "holy",
        "lucky",
        "ready",
        "ugly",
        "worthy",
        "mighty",
        "weary",
        "wealthy",
        "crazy",
        "dirty",
        "unworthy",
        "necessary",
        "contrary",
        "ordinary",
        "arbitrary",
        "voluntary",
        "temporary",
        "primary",
        "secondary",
        "military",
        "such",
        "else",
        "alike",
        "own",
        "chief",
        "entire",
        "sincere",
        "severe",
        "extreme",
        "supreme",
        "complete",
        "absolute",
        "obscure",
        "mature",
        "pure",
        "secure",
        "rude",
        "wrongful",
        "foreign",
        "main",
        "divine",
        "genuine",
        "humane",
        "hostile",
        "fertile",
        "fragile",
        "subtle",
        "simple",
        "noble",
        "humble",
        "feeble",
        "gentle",
        "idle",
        "single",
        "double",
        "whole",
        "neutral",
        "past",
        "incumbent",
        "destitute",
    ])
});

/// Words with an adjective suffix (-al, -ic) that are also common nouns.
static SUFFIX_NOUNS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "proposal",
        "trial",
        "rival",
        "principal",
        "capital",
        "arrival",
        "approval",
        "refusal",
        "denial",
        "survival",
        "interval",
        "animal",
        "signal",
        "journal",
        "festival",
        "hospital",
        "council",
        "general",
        "individual",
        "official",
        "criminal",
        "professional",
        "liberal",
        "radical",
        "moral",
        "material",
        "potential",
        "ideal",
        "total",
        "festival",
        "rival",
        "withdrawal",
        "removal",
        "renewal",
        "dismissal",
        "betrayal",
        "portrayal",
        "scandal",
        "tribunal",
        "arsenal",
        "canal",
        "metal",
        "crystal",
        "pedal",
        "medal",
        "rival",
        "mammal",
        "vessel",
        "republic",
        "logic",
        "music",
        "topic",
        "critic",
        "rhetoric",
        "traffic",
        "panic",
        "tactic",
        "mechanic",
        "clinic",
        "fabric",
        "magic",
        "epic",
        "arithmetic",
        "cleric",
        "heretic",
        "relic",
        "mosaic",
        "catholic",
        "empiric",
        "skeptic",
        "sceptic",
        "comic",
        "lyric",
        "tonic",
        "frolic",
        "picnic",
        "garlic",
        "attic",
        "arctic",
        "colonial",
        "commercial",
        "editorial",
        "memorial",
        "tutorial",
        "terminal",
        "natural",
        "cardinal",
        "principle",
        "mortal",
        "rational",
        "spiritual",
        "collateral",
        "chemical",
        "periodical",
    ])
});

/// Nouns that end like a past participle.
static ED_NOUNS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "need", "seed", "creed", "deed", "bed", "greed", "speed", "red", "hundred", "bred", "reed",
        "steed", "weed", "feed", "shed", "sled", "bled", "breed", "freed", "thread", "bread",
        "head", "dread", "lead", "spread", "tread", "instead", "kindred", "sacred", "naked",
        "wicked", "wretched", "ragged", "rugged", "learned", "aged", "beloved", "blessed",
        "cursed", "accursed", "crooked", "hatred", "shred", "bleed", "embed",
    ])
});

/// Common verbs (base forms). A word that is also a common noun ("attack", "hope") is in
/// [`NOUN_VERBS`] too and is read as a noun unless a pronoun, an auxiliary or "to" precedes it.
static VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "accept",
        "achieve",
        "act",
        "add",
        "admit",
        "affect",
        "afford",
        "agree",
        "aim",
        "allow",
        "answer",
        "appear",
        "apply",
        "argue",
        "arise",
        "arrive",
        "ask",
        "assume",
        "attack",
        "attempt",
        "avoid",
        "bade",
        "bear",
        "beat",
        "become",
        "begin",
        "believe",
        "belong",
        "bid",
        "bind",
        "bring",
        "build",
        "buy",
        "call",
        "care",
        "carry",
        "cause",
        "cease",
        "change",
        "choose",
        "claim",
        "come",
        "compel",
        "concern",
        "conclude",
        "consent",
        "consider",
        "consist",
        "consult",
        "contain",
        "continue",
        "control",
        "count",
        "create",
        "cross",
        "cry",
        "cut",
        "deal",
        "decide",
        "declare",
        "defend",
        "demand",
        "deny",
        "depend",
        "deserve",
        "desire",
        "destroy",
        "determine",
        "develop",
        "die",
        "discover",
        "divide",
        "draw",
        "drive",
        "drop",
        "eat",
        "emerge",
        "enable",
        "encourage",
        "end",
        "endure",
        "enjoy",
        "enjoin",
        "ensure",
        "enter",
        "escape",
        "establish",
        "exist",
        "expect",
        "explain",
        "explode",
        "express",
        "extend",
        "face",
        "fail",
        "fall",
        "fear",
        "feel",
        "fight",
        "fill",
        "find",
        "finish",
        "fly",
        "follow",
        "forbid",
        "force",
        "forget",
        "forgive",
        "form",
        "gain",
        "gather",
        "get",
        "give",
        "go",
        "govern",
        "grant",
        "grow",
        "guard",
        "hang",
        "happen",
        "hate",
        "hear",
        "help",
        "hide",
        "hit",
        "hold",
        "hope",
        "hurt",
        "imagine",
        "imply",
        "improve",
        "include",
        "increase",
        "indicate",
        "induce",
        "insist",
        "intend",
        "invite",
        "involve",
        "join",
        "judge",
        "keep",
        "kill",
        "know",
        "lack",
        "last",
        "lay",
        "lead",
        "learn",
        "leave",
        "lend",
        "lie",
        "like",
        "listen",
        "live",
        "look",
        "lose",
        "love",
        "maintain",
        "make",
        "manage",
        "matter",
        "mean",
        "meet",
        "mention",
        "mind",
        "miss",
        "move",
        "need",
        "notice",
        "obey",
        "obtain",
        "occur",
        "offer",
        "oppose",
        "order",
        "owe",
        "own",
        "pass",
        "pay",
        "perceive",
        "perform",
        "permit",
        "persuade",
        "pick",
        "place",
        "plan",
        "play",
        "please",
        "point",
        "possess",
        "prefer",
        "prepare",
        "present",
        "preserve",
        "press",
        "prevent",
        "proceed",
        "produce",
        "promise",
        "propose",
        "protect",
        "prove",
        "provide",
        "pull",
        "punish",
        "pursue",
        "push",
        "put",
        "raise",
        "reach",
        "read",
        "realize",
        "receive",
        "recognize",
        "reduce",
        "refer",
        "refuse",
        "regard",
        "reject",
        "relate",
        "rely",
        "remain",
        "remember",
        "remove",
        "repeat",
        "replace",
        "reply",
        "report",
        "represent",
        "require",
        "resist",
        "respond",
        "rest",
        "result",
        "retain",
        "return",
        "reveal",
        "rise",
        "risk",
        "rule",
        "run",
        "save",
        "say",
        "see",
        "seek",
        "seem",
        "seize",
        "sell",
        "send",
        "serve",
        "set",
        "settle",
        "shake",
        "share",
        "show",
        "shut",
        "sit",
        "sleep",
        "speak",
        "spend",
        "stand",
        "start",
        "state",
        "stay",
        "steal",
        "stop",
        "strike",
        "struggle",
        "study",
        "submit",
        "succeed",
        "suffer",
        "suggest",
        "suit",
        "supply",
        "support",
        "suppose",
        "surrender",
        "survive",
        "suspect",
        "take",
        "talk",
        "teach",
        "tell",
        "tend",
        "think",
        "threaten",
        "throw",
        "touch",
        "treat",
        "trust",
        "try",
        "turn",
        "understand",
        "unite",
        "urge",
        "use",
        "value",
        "vote",
        "wait",
        "walk",
        "want",
        "warn",
        "watch",
        "win",
        "wish",
        "withdraw",
        "wonder",
        "work",
        "worry",
        "write",
        "yield",
        "sail",
        "encamp",
        "negotiate",
        "deceive",
        "instruct",
        "object",
        "reason",
        "profit",
        "invoke",
        "meditate",
        "frighten",
        "overpower",
        "vanquish",
        "exercise",
        "molest",
        "baffle",
        "debar",
        "persuade",
        "coincide",
        "indulge",
        "delude",
        "abandon",
        "abolish",
        "accomplish",
        "contend",
        "plunder",
        "lodge",
        "assemble",
        "ruin",
        "besiege",
        "storm",
        "capture",
        "cherish",
        "conceal",
        "conceive",
        "conquer",
        "contrive",
        "demolish",
        "deprive",
        "derive",
        "diminish",
        "flourish",
        "furnish",
        "kneel",
        "pray",
        "weep",
        "welcome",
        "resent",
        "smile",
        "laugh",
        "shout",
        "whisper",
        "nod",
        "sigh",
        "stare",
        "glance",
        "nourish",
        "perish",
        "publish",
        "revive",
        "vanish",
        "assent",
        "pelt",
        "prevail",
        "profess",
        "resuscitate",
        "align",
        "coexist",
        "collide",
        "compete",
        "comply",
        "converge",
        "cooperate",
        "differ",
        "disagree",
        "diverge",
        "escalate",
        "intervene",
        "invade",
        "persist",
        "prosper",
        "retaliate",
        "shrink",
        "thrive",
        "vary",
        "collapse",
        "crumble",
        "deepen",
        "disappear",
        "dissolve",
        "erode",
        "evolve",
        "expand",
        "fade",
        "falter",
        "shift",
        "strengthen",
        "weaken",
        "widen",
        "sign",
        "flow",
    ])
});

/// Verbs whose base and -s forms are as often nouns.
static NOUN_VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "act",
        "aim",
        "answer",
        "attack",
        "attempt",
        "bear",
        "call",
        "care",
        "cause",
        "change",
        "claim",
        "concern",
        "consent",
        "control",
        "count",
        "cross",
        "cry",
        "cut",
        "deal",
        "demand",
        "desire",
        "drop",
        "end",
        "face",
        "fall",
        "fear",
        "fight",
        "fly",
        "force",
        "form",
        "gain",
        "guard",
        "help",
        "hit",
        "hold",
        "hope",
        "increase",
        "judge",
        "lack",
        "last",
        "lead",
        "lie",
        "like",
        "look",
        "love",
        "matter",
        "mind",
        "move",
        "need",
        "notice",
        "offer",
        "order",
        "pass",
        "pay",
        "place",
        "plan",
        "play",
        "point",
        "present",
        "press",
        "promise",
        "profit",
        "reach",
        "reason",
        "rest",
        "result",
        "return",
        "risk",
        "rule",
        "run",
        "share",
        "show",
        "sleep",
        "start",
        "state",
        "stay",
        "stop",
        "strike",
        "struggle",
        "study",
        "suit",
        "supply",
        "support",
        "surrender",
        "suspect",
        "talk",
        "touch",
        "trust",
        "turn",
        "use",
        "value",
        "vote",
        "wait",
        "walk",
        "want",
        "watch",
        "wish",
        "work",
        "worry",
        "yield",
        "object",
        "report",
        "reply",
        "exercise",
        "storm",
        "ruin",
        "smile",
        "laugh",
        "shout",
        "whisper",
        "nod",
        "sigh",
        "stare",
        "glance",
        "increase",
        "set",
        "interest",
        "power",
        "war",
        "peace",
        "right",
        "land",
        "name",
        "question",
        "doubt",
        "issue",
        "view",
        "need",
        "kind",
        "respect",
        "regard",
        "assent",
        "collapse",
        "shift",
        "sign",
        "flow",
    ])
});

/// Irregular verb forms (never nouns here).
static IRREGULAR: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "goes",
        "went",
        "gone",
        "made",
        "took",
        "taken",
        "gave",
        "given",
        "came",
        "knew",
        "known",
        "thought",
        "brought",
        "bought",
        "saw",
        "seen",
        "said",
        "says",
        "told",
        "found",
        "got",
        "gotten",
        "held",
        "kept",
        "left",
        "lost",
        "meant",
        "met",
        "paid",
        "sent",
        "sat",
        "spoke",
        "spoken",
        "stood",
        "understood",
        "won",
        "wrote",
        "written",
        "began",
        "begun",
        "became",
        "chose",
        "chosen",
        "drew",
        "drawn",
        "drove",
        "driven",
        "fell",
        "fallen",
        "felt",
        "fought",
        "flew",
        "forgot",
        "forgotten",
        "grew",
        "grown",
        "heard",
        "hid",
        "hidden",
        "led",
        "lay",
        "lain",
        "rose",
        "risen",
        "ran",
        "sought",
        "sold",
        "shook",
        "shaken",
        "slept",
        "spent",
        "stole",
        "stolen",
        "struck",
        "taught",
        "threw",
        "thrown",
        "withdrew",
        "withdrawn",
        "ate",
        "eaten",
        "arose",
        "arisen",
        "bore",
        "borne",
        "bound",
        "broke",
        "broken",
        "built",
        "forbade",
        "forgave",
        "hung",
        "laid",
        "lent",
        "read",
        "seized",
        "shut",
        "slew",
        "slain",
        "swore",
        "sworn",
        "wept",
        "bade",
        "bid",
        "does",
        "did",
        "knows",
        "thinks",
        "seems",
        "seemed",
        "tells",
        "makes",
        "takes",
        "gives",
        "comes",
        "becomes",
        "lets",
        "gets",
        "lit",
    ])
});

fn english_stemmer() -> &'static Stemmer {
    static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
    &STEMMER
}

/// The base of an inflected verb form, if it is one of [`VERBS`]: "divides" -> "divide".
fn verb_base(lower: &str) -> Option<(&'static str, Inflection)> {
    let found = |s: &str| VERBS.get(s).copied();
    if let Some(v) = found(lower) {
        return Some((v, Inflection::Base));
    }
    let tries: [(&str, &str, Inflection); 10] = [
        ("ies", "y", Inflection::S),
        ("es", "", Inflection::S),
        ("s", "", Inflection::S),
        ("ied", "y", Inflection::Ed),
        ("ed", "", Inflection::Ed),
        ("ed", "e", Inflection::Ed),
        ("d", "", Inflection::Ed),
        ("ing", "", Inflection::Ing),
        ("ing", "e", Inflection::Ing),
        ("ying", "ie", Inflection::Ing),
    ];
    for (suffix, add, infl) in tries {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if let Some(v) = found(&format!("{stem}{add}")) {
                return Some((v, infl));
            }
            // Doubled consonant: "stopped", "ruling" is handled above, "planning".
            let b = stem.as_bytes();
            if matches!(infl, Inflection::Ed | Inflection::Ing)
                && b.len() >= 3
                && b[b.len() - 1] == b[b.len() - 2]
                && let Some(v) = found(&stem[..stem.len() - 1])
            {
                return Some((v, infl));
            }
        }
    }
    None
}

/// How the lexicon reads a word out of context, for the chunker of members' replies
/// (`domain::summary::phrases`), which has no tagger of its own for verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbReading {
    /// A base form ("compete"); `noun_too` when it is as often a noun ("shift").
    Base { noun_too: bool },
    /// An -s form ("disappears", "assents").
    S { noun_too: bool },
    /// An irregular form ("held", "gives").
    Irregular,
}

/// The verb a word can be, by the key-term lexicon: `None` for a word it does not know as
/// a verb's base, -s or irregular form.
pub(crate) fn verb_reading(lower: &str) -> Option<VerbReading> {
    if IRREGULAR.contains(lower) {
        return Some(VerbReading::Irregular);
    }
    match verb_base(lower)? {
        (base, Inflection::Base) => Some(VerbReading::Base {
            noun_too: NOUN_VERBS.contains(base),
        }),
        (base, Inflection::S) => Some(VerbReading::S {
            noun_too: NOUN_VERBS.contains(base),
        }),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inflection {
    Base,
    S,
    Ed,
    Ing,
}

/// Word and punctuation tokens of one sentence, with byte offsets into the whole text.
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let s = &text[from..to];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() || c == '_' || c == '*' {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let ch = chars[j].1;
                let joiner = matches!(ch, '-' | '\'' | '’')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if ch.is_alphanumeric() || joiner {
                    j += if joiner { 2 } else { 1 };
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |n| n.0);
            let mut word = &s[at..end];
            let mut possessive = false;
            for tail in ["'s", "’s", "'S", "’S"] {
                if let Some(w) = word.strip_suffix(tail) {
                    word = w;
                    possessive = true;
                }
            }
            // "subjects’ idea": a closing apostrophe right after a plural.
            if !possessive
                && word.ends_with(['s', 'S'])
                && matches!(chars.get(j).map(|n| n.1), Some('\'' | '’'))
                && !chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric())
            {
                possessive = true;
            }
            out.push(Token {
                text: word,
                lower: word.to_lowercase(),
                start: from + at,
                end: from + at + word.len(),
                tag: Tag::Punct,
                possessive,
            });
            i = j;
        } else {
            out.push(Token {
                text: &s[at..at + c.len_utf8()],
                lower: c.to_string(),
                start: from + at,
                end: from + at + c.len_utf8(),
                tag: Tag::Punct,
                possessive: false,
            });
            i += 1;
        }
    }
    out
}

fn is_word(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The tag a word has whatever its neighbours.
fn lexical_tag(lower: &str) -> Option<Tag> {
    if lower.chars().any(|c| c.is_ascii_digit()) || NUMBERS.contains(lower) {
        return Some(Tag::Num);
    }
    if lower.ends_with("teenth") || lower.ends_with("tieth") {
        return Some(Tag::Num);
    }
    if lower == "of" {
        return Some(Tag::Of);
    }
    // The closed-class lexicons, in the order they win when a word is in two.
    let lexicons: [(&HashSet<&str>, Tag); 7] = [
        (&AUXILIARIES, Tag::Aux),
        (&PRONOUNS, Tag::Pron),
        (&DETERMINERS, Tag::Det),
        (&PREPOSITIONS, Tag::Prep),
        (&CONJUNCTIONS, Tag::Conj),
        (&ADVERBS, Tag::Adv),
        (&IRREGULAR, Tag::Verb),
    ];
    lexicons
        .iter()
        .find(|(words, _)| words.contains(lower))
        .map(|(_, tag)| *tag)
}

/// Plural in form, but most often modifying the noun after them: "arms control", "customs
/// union", "savings rate".
const PLURAL_MODIFIERS: &[&str] = &[
    "arms",
    "customs",
    "earnings",
    "goods",
    "headquarters",
    "means",
    "news",
    "sales",
    "savings",
    "series",
    "species",
    "sports",
];

/// Fields of study in -ics, singular nouns ("politics matters"); "critics" and "sceptics"
/// are plurals.
const ICS_SINGULARS: &[&str] = &[
    "aesthetics",
    "athletics",
    "economics",
    "ethics",
    "genetics",
    "geopolitics",
    "linguistics",
    "logistics",
    "mathematics",
    "physics",
    "politics",
    "statistics",
];

/// Whether a word (lowercase) is a plural noun that a verb can follow as its subject
/// ("powers compete", "critics reply", "men cut"), not a singular in -ss, -us, -is or a
/// field of study in -ics, nor a plural that modifies the noun after it
/// ([`PLURAL_MODIFIERS`]).
pub(crate) fn is_plural_subject(word: &str) -> bool {
    if matches!(word, "men" | "women" | "people" | "children") {
        return true;
    }
    word.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| word.ends_with(e))
        && !ICS_SINGULARS.contains(&word)
        && !PLURAL_MODIFIERS.contains(&word)
}

/// "to some extent", "to a certain extent", "to what extent": "extent" two or three words
/// after "to" is part of an adverb, which no phrase runs through. `before` are the words
/// (and marks) before it, in order.
pub(crate) fn is_extent_idiom<'a>(
    lower: &str,
    before: impl DoubleEndedIterator<Item = &'a str>,
) -> bool {
    lower == "extent" && before.rev().skip(1).take(2).any(|w| w == "to")
}

/// "well-being", "decision-making", "nation-building": a hyphenated word ending in one of
/// these gerunds names a state or an activity, a noun (no "-ing" participle).
fn is_gerund_compound(lower: &str) -> bool {
    lower.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && matches!(
                tail,
                "being" | "making" | "building" | "keeping" | "doing" | "taking"
            )
    })
}

fn has_adjective_suffix(lower: &str) -> bool {
    if SUFFIX_NOUNS.contains(lower) || lower.ends_with("ics") {
        return false;
    }
    const SUFFIXES: &[&str] = &[
        "ous", "ive", "ful", "less", "able", "ible", "ical", "ish", "ic", "al", "ian", "ese",
        "ary", "ent", "ant",
    ];
    ADJECTIVES.contains(lower)
        || SUFFIXES
            .iter()
            .filter(|s| !matches!(**s, "ian" | "ese" | "ary" | "ent" | "ant"))
            .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Tag the words of one sentence; `names` are words the text capitalises mid-sentence.
fn tag(tokens: &mut [Token], names: &HashSet<String>) {
    let first_word = tokens.iter().position(is_word);
    for i in 0..tokens.len() {
        if !is_word(&tokens[i]) {
            continue;
        }
        let lower = tokens[i].lower.clone();
        let prev = i.checked_sub(1).map(|p| tokens[p].tag);
        let prev_lower = i.checked_sub(1).map(|p| tokens[p].lower.clone());
        let next_lower = tokens.get(i + 1).map(|t| t.lower.clone());
        let next_is_object = next_lower
            .as_deref()
            .is_some_and(|n| DETERMINERS.contains(n) || PRONOUNS.contains(n));
        // An object, a preposition or an adverb: what follows a verb.
        let next_is_complement = next_is_object
            || next_lower
                .as_deref()
                .is_some_and(|n| PREPOSITIONS.contains(n) || ADVERBS.contains(n));

        let prev_word = prev_lower.as_deref().unwrap_or("");
        let after_subject_or_aux = matches!(prev, Some(Tag::Pron | Tag::Aux))
            || matches!(prev_word, "to" | "which" | "that" | "who" | "what");
        // "bodies all give": "all", "both" or "each" after a noun or a pronoun stands for
        // it (a floating quantifier), and what follows is the verb.
        let floating = matches!(prev_word, "all" | "both" | "each")
            && i.checked_sub(2)
                .is_some_and(|p| matches!(tokens[p].tag, Tag::Noun | Tag::Proper | Tag::Pron));
        // A determiner proper: "that", "which" and "what" also open a clause.
        let after_det =
            prev == Some(Tag::Det) && !matches!(prev_word, "that" | "which" | "what") && !floating;
        let after_possessive_det = matches!(
            prev_word,
            "his" | "her" | "their" | "our" | "your" | "my" | "its"
        );
        // After a plural noun a base form is a verb: "men cut", "Lacedaemonians look".
        let after_plural =
            matches!(prev, Some(Tag::Noun | Tag::Proper)) && is_plural_subject(prev_word);
        let after_modifier = (prev == Some(Tag::Det) && after_det)
            || matches!(prev, Some(Tag::Adj | Tag::Participle))
            || i.checked_sub(1).is_some_and(|p| tokens[p].possessive);
        let capital = is_capitalised(tokens[i].text);
        let sentence_first = Some(i) == first_word;
        let t = if let Some(t) = lexical_tag(&lower) {
            // "May" and "Will" mid-sentence are names.
            if capital && !sentence_first && matches!(t, Tag::Aux) && lower.len() > 3 {
                Tag::Proper
            } else {
                t
            }
        } else if is_gerund_compound(&lower) {
            Tag::Noun
        } else if is_extent_idiom(&lower, tokens[..i].iter().map(|t| t.lower.as_str())) {
            Tag::Adv
        } else if capital && (!sentence_first || names.contains(&lower)) {
            Tag::Proper
        } else if lower.ends_with("ly") && !LY_NOUNS.contains(lower.as_str()) && lower.len() > 3 {
            Tag::Adv
        } else if let Some((base, infl)) = verb_base(&lower) {
            let noun_too = NOUN_VERBS.contains(base);
            match infl {
                Inflection::Base if noun_too && after_plural && !after_modifier => Tag::Verb,
                // "savings flow through banks" but "the savings rate": after a plural that
                // mostly modifies, a verb only when its complement follows.
                Inflection::Base
                    if noun_too
                        && PLURAL_MODIFIERS.contains(&prev_word)
                        && matches!(prev, Some(Tag::Noun))
                        && next_is_complement =>
                {
                    Tag::Verb
                }
                // "an ally trusts to …", "the rule holds only …": a singular noun, a verb
                // in -s, then its complement or an adverb.
                Inflection::S
                    if noun_too
                        && matches!(prev, Some(Tag::Noun))
                        && !prev_word.ends_with('s')
                        && next_is_complement =>
                {
                    Tag::Verb
                }
                Inflection::Base | Inflection::S if noun_too => {
                    if after_subject_or_aux
                        || (infl == Inflection::S
                            && next_is_object
                            && !after_modifier
                            // Only after a possible subject: in "write rules that …" or
                            // "…, rules that …" it is a noun.
                            && matches!(prev, Some(Tag::Noun | Tag::Proper)))
                    {
                        Tag::Verb
                    } else {
                        Tag::Noun
                    }
                }
                Inflection::Base | Inflection::S => {
                    if after_det && infl == Inflection::Base {
                        // "the object", "a present": rare, but a modifier came first.
                        Tag::Noun
                    } else {
                        Tag::Verb
                    }
                }
                Inflection::Ing if after_possessive_det => Tag::Verb,
                Inflection::Ing if after_modifier => {
                    if ED_NOUNS.contains(lower.as_str()) {
                        Tag::Noun
                    } else {
                        // "the meaning", "the ruling class": a noun or a modifier.
                        Tag::Noun
                    }
                }
                Inflection::Ed if after_modifier => Tag::Participle,
                _ if ED_NOUNS.contains(lower.as_str()) => Tag::Adj,
                _ => Tag::Verb,
            }
        } else if ED_NOUNS.contains(lower.as_str()) {
            if lower.ends_with("ed") && lower.len() > 5 {
                Tag::Adj
            } else {
                Tag::Noun
            }
        } else if matches!(prev_word, "which" | "who" | "that")
            && lower.ends_with('s')
            && !lower.ends_with("ss")
        {
            // "which renders", "who governs"
            Tag::Verb
        } else if matches!(prev_word, "which" | "who" | "that")
            && i.checked_sub(2).is_some_and(|p| {
                matches!(tokens[p].tag, Tag::Noun | Tag::Proper)
                    && is_plural_subject(&tokens[p].lower)
            })
            && !capital
            && !lower.ends_with('s')
            && (ADJECTIVES.contains(lower.as_str()) || !has_adjective_suffix(&lower))
        {
            // "rules that fit", "herders who graze": after a plural and a relative pronoun,
            // a base form is the clause's verb (a short adjective too: "fit", "free"; one
            // known by its suffix, as in "farmers that local grain feeds", opens a phrase).
            Tag::Verb
        } else if prev_word == "to" && next_is_object && !capital {
            // "intended to invade the territory": an infinitive with its object.
            Tag::Verb
        } else if (prev_word == "to" || prev == Some(Tag::Adv))
            && !capital
            && !has_adjective_suffix(&lower)
            && next_lower.as_deref().is_some_and(has_adjective_suffix)
        {
            // "to belittle formal logic", "may rightly earn severe rebukes": a word between
            // "to" (or an adverb) and an adjective is a verb with its object; a noun
            // cannot modify a phrase from before the phrase's adjective.
            Tag::Verb
        } else if after_subject_or_aux && matches!(prev, Some(Tag::Pron | Tag::Aux)) {
            // "they miscarry", "it renders": a word after a subject pronoun.
            Tag::Verb
        } else if after_plural
            && (prev == Some(Tag::Proper) || prev_word == "men")
            && !capital
            && !has_adjective_suffix(&lower)
        {
            // "the Lacedaemonians miscarry", "the opinions men hold": "men" does not
            // modify a noun after it.
            Tag::Verb
        } else if lower.ends_with("ing") && lower.len() > 5 {
            if after_possessive_det {
                Tag::Verb
            } else if after_modifier {
                Tag::Noun
            } else if after_plural {
                // "ports levying tolls": after a plural noun it opens a clause.
                Tag::Verb
            } else if matches!(prev, Some(Tag::Noun | Tag::Proper)) {
                // "coalition bargaining": part of a phrase, but no phrase ends in it.
                Tag::Participle
            } else {
                Tag::Verb
            }
        } else if lower.ends_with("ed") && lower.len() > 4 {
            if after_modifier && !next_is_object {
                Tag::Participle
            } else {
                Tag::Verb
            }
        } else if (lower.ends_with("ize") || lower.ends_with("ify") || lower.ends_with("izes"))
            && !after_modifier
        {
            Tag::Verb
        } else if has_adjective_suffix(&lower) {
            Tag::Adj
        } else if !capital
            && is_plural_subject(&lower)
            && prev == Some(Tag::Noun)
            && !prev_word.ends_with('s')
            && next_lower.as_deref().is_some_and(is_plural_subject)
        {
            // "a boom cools prices": between a singular noun and a plural one, a word in -s
            // is the verb (the middle noun of a compound is seldom plural).
            Tag::Verb
        } else if next_is_object
            && matches!(prev, Some(Tag::Noun | Tag::Proper))
            && !i.checked_sub(2).is_some_and(|p| tokens[p].tag == Tag::Verb)
        {
            // "faction divides the people", "the gentry resent the tax": a noun, a word,
            // then an object; but in "give inland towns a reason" the nouns after a verb
            // are its first object.
            Tag::Verb
        } else {
            Tag::Noun
        };
        tokens[i].tag = t;
    }
    // Every sentence has a verb: when none was found, the first word after a noun that
    // could be one is it ("Government taxes.", "bargaining shapes outcomes").
    if !tokens.iter().any(|t| matches!(t.tag, Tag::Verb | Tag::Aux)) {
        for i in 1..tokens.len() {
            let prev_nounish =
                matches!(tokens[i - 1].tag, Tag::Noun | Tag::Proper | Tag::Participle)
                    && !tokens[i - 1].possessive;
            let lower = &tokens[i].lower;
            let verb_like = tokens[i].tag == Tag::Noun
                && (lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us")
                    || verb_base(lower).is_some());
            if prev_nounish && verb_like {
                tokens[i].tag = Tag::Verb;
                break;
            }
        }
    }
}

/// Words the text capitalises inside a sentence (names), lowercased.
fn names_in(text: &str) -> HashSet<String> {
    let mut names = HashSet::new();
    for (from, to) in sentence_spans(text) {
        let tokens = tokenize(text, from, to);
        let mut seen_word = false;
        for t in &tokens {
            if !is_word(t) {
                continue;
            }
            if seen_word && is_capitalised(t.text) && lexical_tag(&t.lower).is_none() {
                names.insert(t.lower.clone());
            }
            seen_word = true;
        }
    }
    names
}

/// Whether a token may stand inside a noun phrase.
fn in_phrase(t: &Token) -> bool {
    matches!(t.tag, Tag::Adj | Tag::Noun | Tag::Proper | Tag::Participle)
        && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A phrase may end only in a noun that is no stop word.
fn can_end(t: &Token) -> bool {
    matches!(t.tag, Tag::Noun | Tag::Proper) && !is_stop_word(&t.lower)
}

fn can_start(t: &Token) -> bool {
    in_phrase(t) && !is_stop_word(&t.lower)
}

/// The noun phrases of `text`, in text order (the same phrase may occur several times).
pub fn noun_phrases(text: &str) -> Vec<NounPhrase> {
    let mut out = Vec::new();
    let names = names_in(text);
    for (sentence, (from, to)) in sentence_spans(text).into_iter().enumerate() {
        let mut tokens = tokenize(text, from, to);
        tag(&mut tokens, &names);
        let quotes = quoted_ranges(text, from, to);
        let first_word = tokens.iter().position(is_word);
        // A short quoted phrase of nouns and modifiers is a phrase even when it ends in a
        // common word ("strange case").
        let mut taken = vec![false; tokens.len()];
        for (qs, qe) in &quotes {
            let inside: Vec<usize> = (0..tokens.len())
                .filter(|&k| tokens[k].start >= *qs && tokens[k].end <= *qe && is_word(&tokens[k]))
                .collect();
            let (Some(&a), Some(&b)) = (inside.first(), inside.last()) else {
                continue;
            };
            let a = if matches!(tokens[a].lower.as_str(), "the" | "a" | "an") {
                a + 1
            } else {
                a
            };
            let whole = a <= b
                && b - a < 4
                && (a..=b).all(|k| is_word(&tokens[k]))
                && (a..=b).all(|k| {
                    in_phrase(&tokens[k])
                        || (k > a && k < b && matches!(tokens[k].tag, Tag::Of | Tag::Det))
                })
                && matches!(tokens[b].tag, Tag::Noun | Tag::Proper);
            if whole {
                let before = out.len();
                push_phrase(
                    text,
                    &tokens,
                    a,
                    b,
                    MAX_PHRASE_WORDS,
                    sentence,
                    first_word,
                    &quotes,
                    &mut out,
                );
                if out.len() > before {
                    taken[a..=b].iter_mut().for_each(|t| *t = true);
                }
            }
        }
        let mut i = 0;
        while i < tokens.len() {
            if taken[i] || !can_start(&tokens[i]) {
                i += 1;
                continue;
            }
            // Grow the run: modifiers and nouns, a possessive closes it, "of (the)" may join
            // two nouns.
            let mut j = i;
            let mut last_end: Option<usize> = can_end(&tokens[i]).then_some(i);
            loop {
                if tokens[j].possessive {
                    break;
                }
                let next = j + 1;
                if next < tokens.len() && taken[next] {
                    break;
                }
                let name_after_common = next < tokens.len()
                    && tokens[next].tag == Tag::Proper
                    && tokens[j].tag == Tag::Noun;
                if next < tokens.len() && in_phrase(&tokens[next]) && !name_after_common {
                    j = next;
                } else if next < tokens.len()
                    && tokens[next].tag == Tag::Of
                    && can_end(&tokens[j])
                    && !tokens[j].possessive
                {
                    let mut k = next + 1;
                    if tokens.get(k).is_some_and(|t| t.lower == "the") {
                        k += 1;
                    }
                    if tokens.get(k).is_some_and(can_start) {
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
                if can_end(&tokens[j]) {
                    last_end = Some(j);
                }
                if j - i > 8 {
                    break;
                }
            }
            let Some(end) = last_end else {
                i = j + 1;
                continue;
            };
            let (end, max_words) = match name_across_and(&tokens, i, end, &taken) {
                Some(last) => (last, MAX_NAME_WORDS),
                None => (end, MAX_PHRASE_WORDS),
            };
            push_phrase(
                text, &tokens, i, end, max_words, sentence, first_word, &quotes, &mut out,
            );
            i = end + 1;
        }
    }
    out
}

/// The most words a phrase keeps (its head and nearest modifiers).
const MAX_PHRASE_WORDS: usize = 4;
/// The most words of a name that goes on past its "and" (see [`name_across_and`]).
const MAX_NAME_WORDS: usize = 8;

/// Where a capitalised name with an "of" goes on past an "and" to two or more capitalised
/// words, as the names of treaties and institutions do ("Treaty of Good-Neighborliness and
/// Friendly Cooperation", "Department of Health and Human Services"): the index of its last
/// word. Two names side by side ("China and Russia", "the Ministry of Defence and
/// Parliament") stay apart.
fn name_across_and(tokens: &[Token], i: usize, end: usize, taken: &[bool]) -> Option<usize> {
    let run = &tokens[i..=end];
    let named = is_capitalised(tokens[i].text)
        && run.iter().any(|t| t.tag == Tag::Of)
        && run
            .iter()
            .all(|t| t.tag == Tag::Of || t.lower == "the" || is_capitalised(t.text));
    let and = end + 1;
    if !named || tokens.get(and)?.lower != "and" || tokens[end].possessive {
        return None;
    }
    let mut last = None;
    let mut k = and + 1;
    while let Some(t) = tokens.get(k) {
        if taken[k] || !in_phrase(t) || !is_capitalised(t.text) {
            break;
        }
        if can_end(t) {
            last = Some(k);
        }
        if t.possessive {
            break;
        }
        k += 1;
    }
    let last = last.filter(|&l| l > and + 1)?;
    let words = tokens[i..=last].iter().filter(|t| is_word(t)).count();
    (words <= MAX_NAME_WORDS).then_some(last)
}

#[allow(clippy::too_many_arguments)]
fn push_phrase(
    text: &str,
    tokens: &[Token],
    mut i: usize,
    end: usize,
    max_words: usize,
    sentence: usize,
    first_word: Option<usize>,
    quotes: &[(usize, usize)],
    out: &mut Vec<NounPhrase>,
) {
    // At most `max_words` words: keep the head and its nearest modifiers.
    while tokens[i..=end].iter().filter(|t| is_word(t)).count() > max_words {
        i += 1;
        while i < end && !can_start(&tokens[i]) {
            i += 1;
        }
    }
    if is_kinship_epithet(&tokens[i..=end]) {
        return;
    }
    let (start, stop) = (tokens[i].start, tokens[end].end);
    let surface = text[start..stop].replace(['_', '*'], "");
    if surface.contains(['\n', '.', ',', ';', ':', '!', '?', '(', ')', '"', '“', '”']) {
        return;
    }
    let content: Vec<&Token> = tokens[i..=end]
        .iter()
        .filter(|t| is_word(t) && !matches!(t.tag, Tag::Of | Tag::Det | Tag::Conj))
        .collect();
    let key = content
        .iter()
        .map(|t| {
            english_stemmer()
                .stem(&t.lower.replace('’', "'"))
                .into_owned()
        })
        .collect::<Vec<_>>()
        .join(" ");
    if key.is_empty() {
        return;
    }
    let at_sentence_start = Some(i) == first_word && tokens[i].tag != Tag::Proper;
    let proper = content.len() >= 2
        && content.iter().all(|t| is_capitalised(t.text))
        && content.iter().any(|t| t.tag == Tag::Proper);
    let quoted = quotes.iter().any(|(qs, qe)| {
        let inner = text[*qs..*qe].trim().trim_end_matches(['.', ',', ';', ':']);
        let inner = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .find_map(|a| inner.strip_prefix(a))
            .unwrap_or(inner);
        inner == surface
    });
    out.push(NounPhrase {
        words: surface.split_whitespace().count(),
        surface,
        key,
        sentence,
        start,
        quoted,
        proper,
        at_sentence_start,
        oblique: false,
    });
}

/// Words that say who someone is by kin ("son of …", "the widow of …").
static KINSHIP: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "son",
        "sons",
        "daughter",
        "daughters",
        "wife",
        "husband",
        "widow",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "father",
        "mother",
        "grandson",
        "granddaughter",
        "nephew",
        "niece",
        "cousin",
        "uncle",
        "aunt",
        "heir",
    ])
});

/// "son of Lycomedes", "the younger brother of Brasidas": a name's epithet, which tells who
/// a person is. A group discusses the person, not the epithet, so it is no key term.
fn is_kinship_epithet(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| is_word(t)).collect();
    words.windows(3).any(|w| {
        KINSHIP.contains(w[0].lower.as_str()) && w[1].tag == Tag::Of && is_capitalised(w[2].text)
    })
}

/// Byte ranges inside quotation marks (“…”, "…", and ‘…’ when not an apostrophe) of one sentence.
fn quoted_ranges(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let s = &text[from..to];
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’')] {
        let mut at = 0;
        while let Some(o) = s[at..].find(open) {
            let inner_start = at + o + open.len_utf8();
            let Some(c) = s[inner_start..].find(close) else {
                break;
            };
            out.push((from + inner_start, from + inner_start + c));
            at = inner_start + c + close.len_utf8();
        }
    }
    out
}

/// The key of a phrase written elsewhere (a key term, a reply's words).
pub fn key_of(phrase: &str) -> String {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "of" && !DETERMINERS.contains(w.as_str()))
        .map(|w| english_stemmer().stem(&w.replace('’', "'")).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a phrase is a bad key term by the chunker's own rules: a stop word or verb at
/// an edge, a number anywhere, or punctuation that a sentence end would bring.
pub fn is_fragment(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return true;
    };
    let verbish = |w: &str| {
        IRREGULAR.contains(w)
            || AUXILIARIES.contains(w)
            || verb_base(w).is_some_and(|(b, i)| !NOUN_VERBS.contains(b) && i != Inflection::Ing)
    };
    phrase.contains(['.', '?', '!', ';', ',', ':', '\n'])
        || is_stop_word(first)
        || is_stop_word(last)
        || verbish(last)
        || words.iter().any(|w| lexical_tag(w) == Some(Tag::Num))
        || (last.ends_with("ly") && !LY_NOUNS.contains(last.as_str()))
}

/// For the tests of both chunkers: the phrases `found` in `text` include each of
/// `present`, word for word, and none holds any of `absent`.
#[cfg(test)]
pub(crate) fn assert_phrases(found: &[String], text: &str, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(
            found.iter().any(|f| f == p),
            "{p:?} missing from {found:?} ({text})"
        );
    }
    for a in absent {
        assert!(
            !found.iter().any(|f| f.contains(a)),
            "{a:?} found in {found:?} ({text})"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<String> {
        noun_phrases(text).into_iter().map(|p| p.surface).collect()
    }

    fn check(text: &str, present: &[&str], absent: &[&str]) {
        assert_phrases(&surfaces(text), text, present, absent);
    }

    #[test]
    fn a_gerund_compound_with_a_hyphen_is_a_noun() {
        let s = surfaces("They weighed the side of human well-being against the canal's cost.");
        assert!(!s.contains(&"side of human".to_string()), "{s:?}");
        assert!(s.iter().any(|p| p.ends_with("human well-being")), "{s:?}");
        let s = surfaces("The costs of decision-making fell on the smaller ports.");
        assert!(s.contains(&"costs of decision-making".to_string()), "{s:?}");
    }

    #[test]
    fn to_some_extent_is_no_part_of_a_phrase() {
        check(
            "To some extent doctrines of thrift shaped the guilds.",
            &["doctrines of thrift"],
            &["extent"],
        );
        check(
            "They asked to what extent harbour dues paid for the walls.",
            &["harbour dues"],
            &[],
        );
    }

    #[test]
    fn a_word_in_ing_after_a_plural_noun_opens_a_clause() {
        check(
            "Ports levying tolls grew rich, and towns hoarding grain grew fat.",
            &["tolls"],
            &["levying", "hoarding"],
        );
        // After a singular noun it is still part of a phrase.
        check(
            "They changed the coalition bargaining rules.",
            &["coalition bargaining rules"],
            &[],
        );
    }

    #[test]
    fn verbs_and_adjectives_the_lexicon_lacked() {
        let cases: [(&str, &[&str], &[&str]); 5] = [
            (
                "The aim is to resuscitate past quarrels between the river towns.",
                &["past quarrels"],
                &["resuscitate past quarrels"],
            ),
            (
                "The council meant to pelt rivals with petty fines.",
                &["petty fines"],
                &["pelt rivals"],
            ),
            (
                "Every clerk who signs the ledger assents to the harbour rules.",
                &["ledger", "harbour rules"],
                &["ledger assents"],
            ),
            (
                "It is a duty incumbent on every harbour master to keep the lamps lit.",
                &["harbour master"],
                &["duty incumbent", "lamps lit"],
            ),
            (
                "A town destitute of water cannot hold a market.",
                &["market"],
                &["town destitute of water"],
            ),
        ];
        for (text, present, absent) in cases {
            let s = surfaces(text);
            for p in present {
                assert!(
                    s.contains(&p.to_string()),
                    "{p:?} missing from {s:?} ({text})"
                );
            }
            for p in absent {
                assert!(!s.contains(&p.to_string()), "{p:?} found in {s:?} ({text})");
            }
        }
    }

    #[test]
    fn a_verb_after_a_floating_all_is_no_phrase() {
        check(
            "Harbours, canals and markets all give inland towns a reason to stay.",
            &["inland towns"],
            &["give"],
        );
        // "all" before a noun still opens a phrase.
        check("They taxed all river barges.", &["river barges"], &[]);
    }

    #[test]
    fn an_intransitive_verb_after_its_subject_is_no_phrase() {
        check(
            "Fleets grow costly when rival ports compete, and the guilds disagree.",
            &["rival ports"],
            &["compete", "disagree"],
        );
        check(
            "Tolls rise when the upland pasture disappears and old alliances shift.",
            &["upland pasture", "old alliances"],
            &["disappears", "shift"],
        );
        // "shift" is a noun too.
        check(
            "The policy shift surprised the guilds.",
            &["policy shift"],
            &[],
        );
    }

    #[test]
    fn a_plural_that_modifies_is_no_subject() {
        check(
            "They debated arms control, and the savings rate fell.",
            &["arms control", "savings rate"],
            &[],
        );
        // A plural subject still has its verb after it.
        check(
            "Tolls rise when old alliances shift.",
            &["old alliances"],
            &[],
        );
    }

    #[test]
    fn an_s_word_between_a_singular_and_a_plural_noun_is_a_verb() {
        check(
            "In a dry year a drought raises prices in the inland towns.",
            &["prices"],
            &["raises"],
        );
        check(
            "Public saving during a boom cools prices without costing jobs.",
            &[],
            &["cools"],
        );
        // An -s form that is as often a noun, then an adverb: "the rule holds only".
        check(
            "The harbour rule holds only in winter.",
            &["harbour rule"],
            &["holds"],
        );
        check(
            "Sceptics reply that the harbour rule holds only in winter.",
            &[],
            &["reply"],
        );
        // After a plural that mostly modifies, a verb when its complement follows.
        check(
            "In a good year savings flow through the harbour banks.",
            &[],
            &["flow"],
        );
        // A plural that modifies a plural is no verb: "the arms sales figures".
        check(
            "They published the arms sales figures.",
            &["arms sales figures"],
            &[],
        );
    }

    #[test]
    fn a_relative_clause_after_a_plural_has_its_verb() {
        check(
            "Guilds write rules that fit local habits.",
            &["local habits"],
            &["fit"],
        );
        check(
            "Towns need clear boundaries, rules that fit local habits, and patient monitors.",
            &[],
            &["fit"],
        );
        check(
            "Ports that flourish keep their harbour dues low.",
            &[],
            &["flourish"],
        );
        check(
            "Herders who graze sheep on the hills pay more.",
            &["sheep"],
            &["graze"],
        );
    }

    #[test]
    fn finds_modifier_noun_runs_and_of_phrases() {
        let s = surfaces(
            "The balance of power shifted when the rival empire lost its northern provinces.",
        );
        assert!(s.contains(&"balance of power".to_string()), "{s:?}");
        assert!(s.contains(&"rival empire".to_string()), "{s:?}");
        assert!(s.contains(&"northern provinces".to_string()), "{s:?}");
    }

    #[test]
    fn an_infinitive_with_its_object_is_no_phrase() {
        let s = surfaces("The islanders meant to outflank the coastal garrison before winter.");
        assert!(!s.iter().any(|p| p.contains("outflank")), "{s:?}");
        assert!(s.contains(&"coastal garrison".to_string()), "{s:?}");
    }

    #[test]
    fn a_verb_before_its_adjective_and_noun_is_no_phrase() {
        // After "to" or an adverb, a word followed by an adjective is a verb taking its
        // object: a noun cannot modify a phrase from before the phrase's adjective.
        check(
            "Critics found it easy to belittle formal logic in those years.",
            &["formal logic"],
            &["belittle"],
        );
        check(
            "Such a speaker may rightly earn severe rebukes from the hall.",
            &["severe rebukes"],
            &["earn"],
        );
        check(
            "The old guard tried to stir ancient quarrels and plant fresh grudges.",
            &["ancient quarrels"],
            &["stir"],
        );
        // Verbs shaped like adjectives ("-ish", "-ive") are known verbs.
        check(
            "The council moved to abolish ancient privileges and revive severe customs.",
            &["ancient privileges", "severe customs"],
            &["abolish", "revive"],
        );
        // A noun after "to" with a noun after it is still a phrase.
        check(
            "The farmers carried their grain to market towns along the coast.",
            &["market towns"],
            &[],
        );
    }

    #[test]
    fn a_clause_after_men_is_no_phrase() {
        // "the grudges men nurse": "men" opens a clause; it does not modify what follows.
        check(
            "It is the grudges men nurse, more than unjust laws, that divide a town.",
            &["unjust laws"],
            &["nurse"],
        );
    }

    #[test]
    fn a_kinship_epithet_is_no_phrase() {
        let s = surfaces(
            "Dorian, son of Hektor, and the elder sister of Marta led the envoys; \
             the garrison of Velos waited, and necessity was the mother of invention.",
        );
        let kin = |p: &String| p.split(' ').any(|w| w == "son" || w == "sister");
        assert!(!s.iter().any(kin), "{s:?}");
        assert!(s.contains(&"garrison of Velos".to_string()), "{s:?}");
        assert!(s.contains(&"mother of invention".to_string()), "{s:?}");
    }

    #[test]
    fn never_a_verb_fragment() {
        for text in [
            "Right, as the world goes, belongs to the strong.",
            "A faction cannot rule for long.",
            "They fear that Rousseau explode the old order.",
            "What an ally trusts to is power, which renders treaties idle.",
            "The council divides the harvest every autumn.",
        ] {
            for p in surfaces(text) {
                assert!(!is_fragment(&p), "{p:?} from {text:?}");
                for bad in [
                    "world goes",
                    "faction cannot",
                    "Rousseau explode",
                    "council divides",
                ] {
                    assert_ne!(p, bad, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn never_across_a_sentence_end_or_a_number() {
        let s = surfaces("Who won the wars? Men of iron did. Three hundred archers waited.");
        assert!(
            !s.iter().any(|p| p.contains("wars") && p.contains("Men")),
            "{s:?}"
        );
        assert!(!s.iter().any(|p| p.contains("hundred")), "{s:?}");
        let phrases = noun_phrases("Who won the wars? Men of iron did.");
        let men = phrases.iter().find(|p| p.surface == "Men of iron");
        assert_eq!(men.map(|p| p.sentence), Some(1), "{phrases:?}");
    }

    #[test]
    fn keys_match_the_same_phrase_elsewhere() {
        let a = noun_phrases("The rival empires grew.");
        let b = noun_phrases("We fear a rival empire.");
        assert_eq!(a[0].key, b[0].key);
        assert_eq!(key_of("rival empires"), a[0].key);
    }

    #[test]
    fn quoted_and_proper_phrases_are_marked() {
        let p = noun_phrases(
            "Scholars speak of an “uneasy bargain” between the Northern League and the crown.",
        );
        let bargain = p.iter().find(|p| p.surface == "uneasy bargain");
        assert!(bargain.is_some_and(|b| b.quoted), "{p:?}");
        let league = p.iter().find(|p| p.surface == "Northern League");
        assert!(league.is_some_and(|l| l.proper), "{p:?}");
    }

    #[test]
    fn possessives_and_adverbs_close_a_phrase() {
        let s = surfaces("The city’s walls stood firmly against the winter floods.");
        assert!(s.contains(&"walls".to_string()), "{s:?}");
        assert!(s.contains(&"winter floods".to_string()), "{s:?}");
        assert!(!s.iter().any(|p| p.contains("firmly")), "{s:?}");
    }

    #[test]
    fn fragments_are_recognised() {
        for bad in [
            "world goes",
            "faction cannot",
            "wars? Men",
            "hundred archers",
            "the state",
            "argued strongly",
        ] {
            assert!(is_fragment(bad), "{bad}");
        }
        for good in [
            "rival empire",
            "balance of power",
            "public opinion",
            "liberty of the press",
        ] {
            assert!(!is_fragment(good), "{good}");
        }
    }

    #[test]
    fn a_treaty_or_an_institution_keeps_its_and() {
        let s = surfaces(
            "They signed the Treaty of Good-Neighborliness and Friendly Cooperation in July. \
             The Department of Health and Human Services wrote to them.",
        );
        assert!(
            s.contains(&"Treaty of Good-Neighborliness and Friendly Cooperation".to_string()),
            "{s:?}"
        );
        assert!(
            s.contains(&"Department of Health and Human Services".to_string()),
            "{s:?}"
        );
        assert!(!s.contains(&"Friendly Cooperation".to_string()), "{s:?}");
        // Two names side by side stay two.
        let s = surfaces(
            "Later China and Russia met, and the Ministry of Defence and Parliament argued \
             while the balance of power and trade routes shifted.",
        );
        assert!(!s.iter().any(|p| p.contains(" and ")), "{s:?}");
    }

    #[test]
    fn no_phrase_in_text_without_nouns() {
        assert!(noun_phrases("?!").is_empty());
        assert!(noun_phrases("...").is_empty());
        assert!(noun_phrases("It is so, and we did it.").is_empty());
    }
}
