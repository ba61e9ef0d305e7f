//! The language each reply is read in, and each language's words for what a reply does
//! (greetings and logistics, agreeing, disagreeing, giving reasons).
//!
//! A discussion is read in the language most of its members' words are in (whatlang, by
//! letters, over the replies long enough to tell), or the reading's language when no reply
//! is. A reply in another language is read in its own when it is long enough to tell
//! (40 letters, or written in another script), so a Russian reading's discussion can take
//! an English reply and still find its themes; a short reply ("+1", "Да, согласен") takes
//! the discussion's language. Languages with no rules of their own are read with the
//! generic ones, and a discussion mostly in one of them falls back to its central replies.
//! Detection is kept off the common path: the discussion's language comes from a sample
//! of at most 300 replies, and a reply in its script whose words are often enough its
//! stop words is taken to be in it without detection.

use crate::domain::lang_terms::is_stop_word_in;
use crate::domain::language::Lang;

/// The language of a discussion and of each of its replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Langs {
    /// The rules each reply is read with, by index.
    pub replies: Vec<Lang>,
    /// The discussion's language (its members' majority).
    pub discussion: Lang,
    /// The discussion's language as whatlang names it, when it has no rules of its own.
    pub other: Option<whatlang::Lang>,
}

/// Letters a reply needs before its own language is trusted over the discussion's.
const LONG_ENOUGH: usize = 40;

/// whatlang's reading of one reply: its language, its script, and whether it is long
/// enough to be trusted on its own.
fn detect(text: &str) -> Option<(whatlang::Lang, whatlang::Script, bool)> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return None;
    }
    // The opening is enough to tell, and keeps a long discussion cheap to read.
    let sample = match text.char_indices().nth(400) {
        Some((at, _)) => &text[..at],
        None => text,
    };
    let info = whatlang::detect(sample)?;
    let long = letters >= LONG_ENOUGH && (info.is_reliable() || letters >= 120);
    Some((info.lang(), info.script(), long))
}

/// The script a language with rules is written in (none for the generic rules).
fn script_of(lang: Lang) -> Option<whatlang::Script> {
    match lang {
        Lang::En | Lang::De | Lang::Fr => Some(whatlang::Script::Latin),
        Lang::Ru => Some(whatlang::Script::Cyrillic),
        Lang::Zh => Some(whatlang::Script::Mandarin),
        Lang::Other => None,
    }
}

fn rules(l: whatlang::Lang) -> Lang {
    Lang::parse(l.code()).unwrap_or(Lang::Other)
}

/// At most this many members' replies, spread evenly, decide the discussion's language.
const SAMPLE: usize = 300;

/// A reply whose words are the discussion language's stop words at least this often is
/// in that language (English, Russian, German and French prose run at 35–50 %; another
/// language's text against those lists at under 15 %).
const STOP_SHARE: f64 = 0.25;

/// The language of each reply (`member`: the replies that are members' words, which
/// decide the discussion's language), given the reading's language.
pub(super) fn of_replies(texts: &[&str], member: &[bool], reading: Lang) -> Langs {
    let members: Vec<usize> = (0..texts.len()).filter(|i| member[*i]).collect();
    let step = members.len().div_ceil(SAMPLE).max(1);
    // The discussion's language: most letters among the members' long replies.
    let mut tally: Vec<(whatlang::Lang, usize)> = Vec::new();
    for &i in members.iter().step_by(step) {
        let Some((lang, _, true)) = detect(texts[i]) else {
            continue;
        };
        let letters = texts[i].chars().filter(|c| c.is_alphabetic()).count();
        match tally.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += letters,
            None => tally.push((lang, letters)),
        }
    }
    let top = tally
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.code().cmp(a.0.code())))
        .map(|(l, _)| *l);
    let discussion = top.map_or(reading, rules);
    let other = top.filter(|l| rules(*l) == Lang::Other);
    let replies = texts.iter().map(|t| own(t, discussion)).collect();
    Langs {
        replies,
        discussion,
        other,
    }
}

/// The language one reply is read in, in a discussion in `discussion`. The cheap tests
/// come first, so a long discussion in one language costs no detection per reply: a reply
/// in the discussion's script is in its language when it is short, when the discussion is
/// Chinese, or when its words are that language's stop words often enough.
fn own(text: &str, discussion: Lang) -> Lang {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return discussion;
    }
    let same_script = match (script_of(discussion), whatlang::detect_script(text)) {
        (Some(d), Some(s)) => d == s,
        _ => true,
    };
    if !same_script {
        // Another script: its own language, however short ("我同意。" among Russian).
        return detect(text).map_or(discussion, |(l, _, _)| rules(l));
    }
    let share = stop_share(text, discussion);
    if letters < LONG_ENOUGH || discussion == Lang::Zh || share.is_some_and(|s| s >= STOP_SHARE) {
        return discussion;
    }
    match detect(text) {
        // Hardly any of the discussion language's stop words in a sentence or more:
        // whatlang's best guess, trusted even when it is unsure, since the stop words
        // already say it is not the discussion's.
        Some((l, _, sure)) if sure || share.is_some_and(|s| s < STOP_SHARE / 2.5) => rules(l),
        _ => discussion,
    }
}

/// The share of a text's words that are stop words of `lang` (None: under 8 words).
fn stop_share(text: &str, lang: Lang) -> Option<f64> {
    let (mut words, mut stops) = (0usize, 0usize);
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        let lower = w.to_lowercase().replace('’', "'");
        if is_stop_word_in(&lower, lang) {
            stops += 1;
        }
    }
    (words >= 8).then(|| stops as f64 / words as f64)
}

/// A language's words for what a reply does, lowercase, with straight apostrophes.
pub(super) struct Markers {
    /// Phrases that make a sentence logistics when it has little else in it.
    pub logistics: &'static [&'static str],
    /// Words that open a chatty reply.
    pub chatter_openers: &'static [&'static str],
    /// Words that say a reply disagrees with what it answers, whatever else it says.
    pub disagree: &'static [&'static str],
    /// Words that open a reply agreeing with what it answers.
    pub agree_openers: &'static [&'static str],
    /// A reply opening with one of these disagrees ("no, …").
    pub no_openers: &'static [&'static str],
    /// Words of concession that turn against what was said ("…, but …").
    pub turns: &'static [&'static str],
    /// Words that give reasons or evidence.
    pub reasons: &'static [&'static str],
    /// A question with one of these is a challenge expecting agreement ("Isn't that …?").
    pub rhetorical: &'static [&'static str],
    /// Words run together without spaces (Chinese): openers are prefixes, not words.
    pub unspaced: bool,
}

/// The markers of `lang` (the generic rules use English ones).
pub(super) fn markers(lang: Lang) -> &'static Markers {
    match lang {
        Lang::En | Lang::Other => &EN,
        Lang::Ru => &RU,
        Lang::De => &DE,
        Lang::Fr => &FR,
        Lang::Zh => &ZH,
    }
}

static EN: Markers = Markers {
    logistics: &[
        "please vote",
        "vote in the",
        "vote again",
        "voted",
        "poll closes",
        "poll is open",
        "poll opens",
        "poll stays open",
        "pre poll",
        "post poll",
        "see you",
        "see everyone",
        "thanks all",
        "thank you all",
        "thanks everyone",
        "thanks, everyone",
        "thanks, this was",
        "thanks, great",
        "great session",
        "great discussion",
        "good morning",
        "morning everyone",
        "morning all",
        "morning!",
        "welcome back",
        "welcome, everyone",
        "welcome everyone",
        "hi all",
        "hello all",
        "hey all",
        "hi everyone",
        "hello everyone",
        "sorry i'm late",
        "sorry i am late",
        "sorry, i'm late",
        "running late",
        "catching up",
        "got to run",
        "have to run",
        "gotta go",
        "have to go",
        "brb",
        "be right back",
        "which page",
        "what page",
        "page number",
        "the link",
        "minutes left",
        "time left",
        "out of time",
        "wrap up",
        "before we start",
        "let's start",
        "let's begin",
        "next week",
        "next session",
        "reminder",
        "keep going",
        "before the break",
        "after the break",
        "can you hear",
        "you're muted",
        "on mute",
    ],
    chatter_openers: &[
        "lol", "haha", "hah", "ha", "lmao", "rofl", "+1", "same", "ok", "okay", "yay", "nice",
        "wow", "back", "thanks", "thank", "cheers", "hi", "hello", "hey", "morning", "page",
    ],
    disagree: &[
        "i disagree",
        "disagree that",
        "disagree with",
        "not convinced",
        "unconvinced",
        "i don't think",
        "i do not think",
        "i don't buy",
        "i doubt",
        "on the contrary",
        "that's wrong",
        "that is wrong",
        "is wrong",
        "that's not right",
        "that is not right",
        "i'm not sure",
        "i am not sure",
        "not so sure",
        "doesn't follow",
        "does not follow",
        "push back",
        "overstates",
        "misses the point",
        "that ignores",
        "the problem with",
        "not true",
        "isn't true",
        "i'd question",
        "i would question",
    ],
    agree_openers: &[
        "agreed",
        "i agree",
        "agree",
        "exactly",
        "yes",
        "yep",
        "right,",
        "right.",
        "true,",
        "true.",
        "good point",
        "that's a good point",
        "that is a good point",
        "fair point",
        "fair,",
        "fair.",
        "building on",
        "to build on",
        "+1",
        "same here",
        "that's the part",
        "that's a nice",
        "nice example",
        "well put",
        "that's right",
        "indeed",
        "absolutely",
        "so true",
    ],
    no_openers: &["no,", "no."],
    turns: &[" but ", "but ", " though", "however", " yet "],
    reasons: &[
        "because",
        "therefore",
        "which means",
        "that is why",
        "that's why",
        "which is why",
        "for example",
        "for instance",
        "e.g.",
        "evidence",
        "shows",
        "unless",
        "so that",
        "since ",
        "if ",
        "rather than",
        "instead of",
        "depends on",
    ],
    rhetorical: &[],
    unspaced: false,
};

static RU: Markers = Markers {
    logistics: &[
        "проголосуйте",
        "голосуйте",
        "проголосовал",
        "проголосовала",
        "опрос закрыва",
        "опрос открыт",
        "до встречи",
        "до четверга",
        "до завтра",
        "всем спасибо",
        "спасибо всем",
        "спасибо за обсуждение",
        "доброе утро",
        "всем привет",
        "привет всем",
        "добрый день",
        "добрый вечер",
        "извините за опоздание",
        "простите за опоздание",
        "какая страница",
        "какой странице",
        "номер страницы",
        "ссылка",
        "на следующей неделе",
        "в следующий раз",
        "напоминаю",
        "мне пора",
        "пора бежать",
        "перед началом",
        "давайте начнём",
        "давайте начнем",
    ],
    chatter_openers: &[
        "ха",
        "хаха",
        "ахаха",
        "лол",
        "+1",
        "ок",
        "окей",
        "ага",
        "угу",
        "спасибо",
        "привет",
        "класс",
        "круто",
        "здорово",
        "понятно",
        "страница",
    ],
    disagree: &[
        "не согласен",
        "не согласна",
        "не соглашусь",
        "не уверен",
        "не уверена",
        "сомневаюсь",
        "я так не думаю",
        "не думаю, что",
        "это не так",
        "неверно",
        "наоборот",
        "не убеждает",
        "неубедительно",
        "возражу",
        "не совсем так",
        "это неправда",
        "упускает",
        "преувеличивает",
    ],
    agree_openers: &[
        "согласен",
        "согласна",
        "соглашусь",
        "полностью согласен",
        "именно",
        "точно",
        "верно",
        "да,",
        "да.",
        "хорошая мысль",
        "хорошее замечание",
        "справедливо",
        "поддерживаю",
        "добавлю",
        "+1",
    ],
    no_openers: &["нет,", "нет."],
    turns: &[" но ", "но ", "однако", " зато ", " хотя"],
    reasons: &[
        "потому что",
        "поэтому",
        "так как",
        "например",
        "из-за",
        "следовательно",
        "значит",
        "если ",
        "вместо ",
        "зависит от",
        "доказывает",
        "показывает",
    ],
    rhetorical: &["разве", "неужели", "не правда ли"],
    unspaced: false,
};

static DE: Markers = Markers {
    logistics: &[
        "bitte abstimmen",
        "stimmt ab",
        "abgestimmt",
        "umfrage schließt",
        "umfrage ist offen",
        "bis dann",
        "bis nächste",
        "bis donnerstag",
        "bis morgen",
        "danke euch",
        "danke allen",
        "danke an alle",
        "vielen dank",
        "guten morgen",
        "hallo zusammen",
        "hallo alle",
        "hallo allerseits",
        "entschuldigt die verspätung",
        "sorry für die verspätung",
        "welche seite",
        "auf welcher seite",
        "seitenzahl",
        "der link",
        "nächste woche",
        "nächstes mal",
        "erinnerung",
        "muss los",
        "bevor wir anfangen",
        "lasst uns anfangen",
    ],
    chatter_openers: &[
        "haha", "hehe", "lol", "+1", "ok", "okay", "danke", "hallo", "hi", "moin", "super", "cool",
        "toll", "seite",
    ],
    disagree: &[
        "stimme nicht zu",
        "stimme dir nicht zu",
        "stimme ihnen nicht zu",
        "widerspreche",
        "nicht überzeugt",
        "bezweifle",
        "das stimmt nicht",
        "stimmt so nicht",
        "ich glaube nicht",
        "ich denke nicht",
        "im gegenteil",
        "das ist falsch",
        "ist falsch",
        "sehe ich anders",
        "sehe das anders",
        "bin skeptisch",
        "nicht so sicher",
        "greift zu kurz",
        "übertreibt",
    ],
    agree_openers: &[
        "genau",
        "stimmt",
        "richtig",
        "ja,",
        "ja.",
        "einverstanden",
        "ich stimme zu",
        "stimme zu",
        "guter punkt",
        "sehe ich auch so",
        "absolut",
        "eben",
        "+1",
    ],
    no_openers: &["nein,", "nein."],
    turns: &[" aber ", "aber ", " doch ", "jedoch", "allerdings"],
    reasons: &[
        "weil",
        "denn ",
        "deshalb",
        "daher",
        "zum beispiel",
        "z. b.",
        "z.b.",
        "beispielsweise",
        "wenn ",
        "falls ",
        "statt ",
        "hängt davon ab",
        "zeigt",
    ],
    rhetorical: &["nicht wahr", "etwa nicht", "ist es nicht", "ist das nicht"],
    unspaced: false,
};

static FR: Markers = Markers {
    logistics: &[
        "votez",
        "merci de voter",
        "sondage ferme",
        "sondage est ouvert",
        "à jeudi",
        "à la semaine prochaine",
        "à bientôt",
        "à demain",
        "merci à tous",
        "merci à toutes",
        "merci tout le monde",
        "bonjour à tous",
        "bonjour tout le monde",
        "salut tout le monde",
        "désolé pour le retard",
        "désolée pour le retard",
        "quelle page",
        "à quelle page",
        "numéro de page",
        "le lien",
        "la semaine prochaine",
        "la prochaine fois",
        "rappel",
        "je dois filer",
        "je dois y aller",
        "avant de commencer",
        "commençons",
    ],
    chatter_openers: &[
        "haha", "mdr", "lol", "+1", "ok", "merci", "salut", "bonjour", "coucou", "super", "génial",
        "cool", "top", "page",
    ],
    disagree: &[
        "pas d'accord",
        "je ne pense pas",
        "je ne crois pas",
        "pas convaincu",
        "pas convaincue",
        "je doute",
        "au contraire",
        "c'est faux",
        "n'est pas vrai",
        "pas si sûr",
        "pas sûr que",
        "je conteste",
        "je m'oppose",
        "exagère",
        "passe à côté",
    ],
    agree_openers: &[
        "d'accord",
        "tout à fait",
        "exactement",
        "oui,",
        "oui.",
        "je suis d'accord",
        "bien vu",
        "bon point",
        "absolument",
        "justement",
        "en effet",
        "+1",
    ],
    no_openers: &["non,", "non."],
    turns: &[" mais ", "mais ", "pourtant", "cependant", "toutefois"],
    reasons: &[
        "parce que",
        "car ",
        "donc",
        "par exemple",
        "c'est pourquoi",
        "puisque",
        "si ",
        "au lieu de",
        "plutôt que",
        "dépend de",
        "montre",
    ],
    rhetorical: &["n'est-ce pas", "ne serait-ce pas"],
    unspaced: false,
};

static ZH: Markers = Markers {
    logistics: &[
        "请投票",
        "去投票",
        "已投票",
        "投了票",
        "下周见",
        "明天见",
        "周四见",
        "下次见",
        "谢谢大家",
        "感谢大家",
        "大家好",
        "早上好",
        "早安",
        "抱歉来晚",
        "不好意思来晚",
        "哪一页",
        "第几页",
        "链接",
        "下周",
        "下次讨论",
        "提醒一下",
        "先走了",
        "我得走了",
        "开始之前",
        "我们开始",
    ],
    chatter_openers: &["哈哈", "谢谢", "嗯", "+1", "赞", "收到", "ok", "好吧"],
    disagree: &[
        "不同意",
        "不这么认为",
        "我不认为",
        "不敢苟同",
        "我怀疑",
        "未必",
        "恰恰相反",
        "不对",
        "这是错的",
        "不是这样",
        "不太确定",
        "我不确定",
        "有待商榷",
        "我反对",
    ],
    agree_openers: &[
        "同意",
        "我同意",
        "完全同意",
        "赞同",
        "对，",
        "对的",
        "没错",
        "是的",
        "确实",
        "说得好",
        "有道理",
        "+1",
    ],
    no_openers: &["不，", "不是，"],
    turns: &["但是", "不过", "然而", "可是"],
    reasons: &[
        "因为",
        "所以",
        "因此",
        "例如",
        "比如",
        "如果",
        "由于",
        "而不是",
        "取决于",
        "说明",
        "证明",
    ],
    rhetorical: &["难道", "不是吗", "岂不是"],
    unspaced: true,
};

#[cfg(test)]
mod tests {
    use super::*;

    const RU_LONG: &str = "Санкции не меняют поведение государства, потому что элиты перекладывают издержки на граждан.";
    const EN_LONG: &str = "Sanctions rarely change a state's behaviour, because elites pass the costs on to citizens.";

    #[test]
    fn a_discussion_follows_its_members_and_long_replies_keep_their_own_language() {
        let texts = [RU_LONG, RU_LONG, EN_LONG, "Да, согласен.", "+1"];
        let langs = of_replies(&texts, &[true; 5], Lang::En);
        assert_eq!(langs.discussion, Lang::Ru);
        assert_eq!(
            langs.replies,
            vec![Lang::Ru, Lang::Ru, Lang::En, Lang::Ru, Lang::Ru]
        );
        assert_eq!(langs.other, None);
    }

    #[test]
    fn short_replies_take_the_readings_language_and_another_script_tells() {
        let langs = of_replies(&["Да.", "我同意。"], &[true, true], Lang::Ru);
        assert_eq!(langs.replies, vec![Lang::Ru, Lang::Zh]);
        let none = of_replies(&["ok", "+1"], &[true, true], Lang::De);
        assert_eq!(none.discussion, Lang::De);
    }

    #[test]
    fn a_reply_in_the_discussions_script_needs_no_detection_when_its_stop_words_tell() {
        assert!(stop_share(EN_LONG, Lang::En).unwrap() >= STOP_SHARE);
        assert!(stop_share(RU_LONG, Lang::Ru).unwrap() >= STOP_SHARE);
        let de = "Die Öffentlichkeit war aber schon immer auf Orte angewiesen, auf Kaffeehäuser und Salons.";
        assert!(stop_share(de, Lang::De).unwrap() >= STOP_SHARE);
        // An English reply in a German discussion is not taken for German.
        assert!(stop_share(EN_LONG, Lang::De).unwrap() < STOP_SHARE);
        let langs = of_replies(&[de, de, EN_LONG], &[true; 3], Lang::De);
        assert_eq!(langs.replies, vec![Lang::De, Lang::De, Lang::En]);
        assert_eq!(stop_share("too short", Lang::En), None);
    }

    #[test]
    fn a_discussion_in_a_language_without_rules_is_named() {
        let es = "El texto sostiene que la vigilancia local mantiene las reglas suaves en los pueblos pequeños.";
        let langs = of_replies(&[es, es], &[true, true], Lang::En);
        assert_eq!(langs.discussion, Lang::Other);
        assert_eq!(langs.other, Some(whatlang::Lang::Spa));
    }
}
