//! The bot speaks the group's language: `setup --language`, refusals and dates in it.

use colloquy::domain::command::Role;
use colloquy::i18n::Locale;
use colloquy::store::testing::TestDb;

use crate::common::app::TestApp;

colloquy::store_test! {
    /// `setup --language` is stored with the group and survives a later `setup` that does
    /// not name it; an unknown code is refused, listing the supported ones, and changes
    /// nothing.
    async fn setup_language_is_stored_and_an_unknown_code_is_refused(db: TestDb) {
        let app = TestApp::new(db).await;
        let reply = app.fac("setup --tz Europe/Moscow --language ru").await;
        assert!(reply.text.starts_with("Теперь этот канал — читательская группа"), "{}", reply.text);
        assert!(reply.text.contains("язык: русский"), "{}", reply.text);
        assert_eq!(app.group().await.language, Locale::Ru);
        app.fac("setup --time 08:30").await;
        assert_eq!(app.group().await.language, Locale::Ru);
        let err = app
            .run("fac", Role::Facilitator, "setup --language es")
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("`es`") && err.contains("en, ru, zh, de, fr"), "{err}");
        assert!(err.starts_with("Неизвестный язык"), "{err}");
        assert_eq!(app.group().await.language, Locale::Ru);
        let reply = app.fac("setup --language zh-Hans").await;
        assert!(reply.text.starts_with("设置已更新"), "{}", reply.text);
        assert_eq!(app.group().await.language, Locale::ZhHans);
        let reply = app.fac("setup --language en").await;
        assert!(reply.text.starts_with("Settings updated"), "{}", reply.text);
    }
}

colloquy::store_test! {
    /// A refusal (a member running a facilitator's verb) comes in the group's language,
    /// and so does the schedule with its dates.
    async fn refusals_and_the_schedule_speak_the_groups_language(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz Europe/Berlin --days mon,wed,fri --language de").await;
        let err = app
            .run("bea", Role::Member, "excerpt next")
            .await
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Nur Moderierende können `excerpt next` verwenden. Wende dich an die Moderation dieser Gruppe."
        );
        assert!(matches!(err.cause(), colloquy::engine::CommandError::FacilitatorOnly(_)));
        let status = app.run("bea", Role::Member, "schedule status").await.unwrap().text;
        assert!(status.contains("Nächster Abschnitt: Mi, 4. Mär, 09:00 (Europe/Berlin)"), "{status}");
        assert!(status.contains("(Mo, Mi, Fr), nach einem Ausfall: den zuletzt verpassten"), "{status}");
        app.fac("setup --language fr").await;
        let status = app.run("bea", Role::Member, "schedule status").await.unwrap().text;
        assert!(status.contains("Prochain extrait : mer. 4 mars, 09:00 (Europe/Berlin)"), "{status}");
    }
}

/// A Russian reading written for this repository, with its own questions (`Q:` lines), so
/// that nothing English comes from the text itself.
pub(crate) const RUSSIAN_READING: &str = "# Доверие и институты\n\n\
Суды, которые решают дела предсказуемо, снижают цену сотрудничества. Граждане чаще \
доверяют правилам, когда видят, что правила применяются ко всем одинаково. Критики \
отвечают, что доверие растёт медленно и не следует из одних только правил.\n\n\
Q: Что автор понимает под «предсказуемостью» судов?\n\
Q: Как ответил бы критик, считающий, что доверие рождается из опыта, а не из правил?\n\n\
Малые партии добиваются уступок в коалициях, но часто расплачиваются за них на следующих \
выборах. Историки находят этот эффект во многих демократиях, хотя он проявляется не сразу.\n";

/// A Chinese reading written for this repository: sentences end at 。 and the importer
/// cuts them there.
pub(crate) const CHINESE_READING: &str = "# 信任与制度\n\n\
可预期的法院降低了合作的成本。当公民看到规则对所有人一视同仁时，他们更愿意信任规则。\
批评者则认为，信任增长缓慢，并不仅仅来自规则本身。\n\n\
Q: 作者所说的法院的“可预期性”是什么意思？\n\
Q: 认为信任来自经验而非规则的批评者会如何回应？\n\n\
小党在联合政府中争取到让步，却常常在下一次选举中付出代价。历史学家在许多民主国家都发现了这一效应，尽管它并非立竿见影。\n";

/// Runs of three or more ASCII words in `text` outside `code` spans, quotes of members and
/// the names given: English the bot wrote where the group's language was expected.
pub(crate) fn english_runs(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut cleaned = String::new();
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
            cleaned.push(' ');
        } else if !in_code {
            cleaned.push(c);
        }
    }
    for a in allowed {
        cleaned = cleaned.replace(a, " ");
    }
    let mut runs = Vec::new();
    for line in cleaned.lines() {
        let mut run: Vec<&str> = Vec::new();
        for word in line.split(|c: char| c.is_whitespace() || ",.;:()!?«»“”—·/".contains(c))
        {
            if word.is_empty() {
                continue;
            }
            if word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
                run.push(word);
            } else {
                if run.len() >= 3 {
                    runs.push(run.join(" "));
                }
                run.clear();
            }
        }
        if run.len() >= 3 {
            runs.push(run.join(" "));
        }
    }
    runs
}

/// Numbers written with `mark` between digits ("0.66" for '.'), with a little context.
pub(crate) fn decimals_with(text: &str, mark: char) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1))
        .filter(|&i| {
            chars[i] == mark && chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit()
        })
        .map(|i| {
            chars[i.saturating_sub(12)..(i + 6).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// A group's day in `lang`: setup, import, the excerpt with its questions, replies, a
/// pre/post poll pair with votes and reasons, results, the summary, the schedule and help
/// for a refusal; returns everything the bot wrote (its answers and its posts).
async fn a_day_in(
    app: &TestApp,
    lang: &str,
    reading: &str,
    replies: &[&str],
    claim: &str,
) -> String {
    let mut out = Vec::new();
    out.push(
        app.fac(&format!(
            "setup --tz Europe/Moscow --time 09:00 --language {lang}"
        ))
        .await
        .text,
    );
    out.push(app.import_in_short_excerpts(reading).await.text);
    out.push(app.fac("excerpt next").await.text);
    app.deliver().await;
    let group = app.group().await;
    let thread = app
        .current_session(&group)
        .await
        .thread_id
        .expect("a thread");
    for (i, r) in replies.iter().enumerate() {
        app.say(["ana", "ben", "chen"][i % 3], Some(&thread), r)
            .await;
    }
    out.push(
        app.fac(&format!("poll create \"{claim}\" --minutes 30 --phase pre"))
            .await
            .text,
    );
    app.deliver().await;
    for (who, v) in [("ana", 1), ("ben", 2), ("chen", 1)] {
        out.push(
            app.run(who, Role::Member, &format!("vote 1 {v}"))
                .await
                .expect("vote")
                .text,
        );
    }
    out.push(app.fac("poll close 1").await.text);
    app.deliver().await;
    out.push(
        app.fac(&format!(
            "poll create \"{claim}\" --minutes 30 --phase post"
        ))
        .await
        .text,
    );
    app.deliver().await;
    for (who, v) in [("ana", 1), ("ben", 1), ("chen", 3)] {
        out.push(
            app.run(who, Role::Member, &format!("vote 2 {v}"))
                .await
                .expect("vote")
                .text,
        );
    }
    out.push(app.fac("poll close 2").await.text);
    app.deliver().await;
    out.push(
        app.run("ben", Role::Member, "schedule status")
            .await
            .expect("status")
            .text,
    );
    out.push(
        app.run("ben", Role::Member, "poll close 2")
            .await
            .unwrap_err()
            .to_string(),
    );
    out.push(app.fac("summary").await.text);
    app.deliver().await;
    out.push(app.log_text());
    out.join("\n\n")
}

colloquy::store_test! {
    /// A Russian group sees only Russian from the bot (besides names, command words in
    /// `code` and what members wrote), with Russian plurals and dates.
    async fn a_russian_groups_day_is_in_russian(db: TestDb) {
        let app = TestApp::new(db).await;
        let replies = [
            "Мне кажется, предсказуемость судов важнее их строгости.",
            "Не согласен: доверие строится годами, правила тут вторичны.",
            "А как быть с малыми партиями, которые теряют избирателей?",
        ];
        let claim = "Предсказуемые суды укрепляют доверие";
        let all = a_day_in(&app, "ru", RUSSIAN_READING, &replies, claim).await;
        let runs = english_runs(&all, &["Europe/Moscow", "ana", "ben", "chen", "fac", "colloquy"]);
        assert!(runs.is_empty(), "English in a Russian group's day: {runs:?}\n\n{all}");
        assert!(all.contains("Вопросы для обсуждения"), "{all}");
        assert!(all.contains("3 голоса"), "{all}");
        assert!(all.contains("Итоги:"), "{all}");
        // Russian writes a decimal comma: the summary's evenness, the poll pair's shift.
        let points = decimals_with(&all, '.');
        assert!(points.is_empty(), "decimal points in a Russian group's day: {points:?}\n\n{all}");
        assert!(!decimals_with(&all, ',').is_empty(), "no decimals at all: {all}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
    }
}

colloquy::store_test! {
    /// The same day for a Chinese group: the summary reads the Chinese replies as a
    /// discussion and quotes them (the old summarizer took them for chatter and said so in
    /// English).
    async fn a_chinese_groups_day_is_in_chinese(db: TestDb) {
        let app = TestApp::new(db).await;
        let replies = [
            "我觉得法院的可预期性比严厉更重要。",
            "我不同意：信任需要多年积累，规则只是次要的。",
            "那些失去选民的小党又该怎么办呢？",
        ];
        let claim = "可预期的法院能增强信任";
        let all = a_day_in(&app, "zh", CHINESE_READING, &replies, claim).await;
        let runs = english_runs(
            &all,
            &["Europe/Moscow", "ana", "ben", "chen", "fac", "colloquy"],
        );
        assert!(
            runs.is_empty(),
            "English in a Chinese group's day: {runs:?}\n\n{all}"
        );
        assert!(all.contains("讨论问题"), "{all}");
        assert!(all.contains("共 3 票"), "{all}");
        // The summary quotes every member: two statements and the open question.
        let summary = all
            .split("## 总结：")
            .nth(1)
            .and_then(|s| s.split("**讨论前**").next())
            .unwrap_or_else(|| panic!("no summary:\n{all}"));
        assert!(!summary.contains("没有可以总结的讨论"), "read as chatter:\n{summary}");
        assert!(summary.contains("**大家说了什么**"), "{summary}");
        for reply in replies {
            assert!(summary.contains(reply), "{reply} is not quoted:\n{summary}");
        }
        assert!(summary.contains("**尚待解答的问题**\n- “那些失去选民的小党又该怎么办呢？” — chen"), "{summary}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
    }
}

colloquy::store_test! {
    /// Bad input in the chat, as the issue lists it: a reading in a language without rules
    /// of its own is imported with a notice saying so, a mixed one follows its majority and
    /// says so, and an unknown `--language` is refused with the supported codes and
    /// imports nothing.
    async fn a_readings_language_bad_input_is_told_in_the_chat(db: TestDb) {
        use colloquy::engine::Upload;
        let app = TestApp::new(db).await;
        app.fac("setup --tz Europe/Madrid").await;
        let upload = |name: &str, text: &str| Upload {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        };
        let spanish = "# El puerto\n\nUna ciudad que vive de su puerto debe decidir quién paga por el muelle. \
            La respuesta más sencilla es que cada barco pague la misma tasa, porque cada barco usa la misma agua. \
            Esta respuesta es cómoda, pero confunde la igualdad de trato con la justicia.\n";
        let err = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import --language xx",
                Some(upload("puerto.md", spanish)),
            )
            .await
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`xx`") && err.contains("en (English), ru (Russian), zh (Chinese), de (German), fr (French)"),
            "{err}"
        );
        let listed = app.fac("reading list").await.text;
        assert!(!listed.contains("El puerto"), "{listed}");

        let reply = app
            .run_with("fac", Role::Facilitator, "reading import", Some(upload("puerto.md", spanish)))
            .await
            .expect("imported with the generic rules")
            .text;
        assert!(
            reply.contains("Spanish") && reply.contains("generic rules"),
            "{reply}"
        );

        let russian = "Совет собрался весной и решил, что гавань нужно расширить до осенних штормов, иначе торговля пострадает. \
            Купцы спорили, кто заплатит за новые причалы, и долго не могли договориться.";
        let english = "The council met in the spring and agreed that the harbour should be widened before the autumn storms arrived.";
        let mixed = format!("# Гавань\n\n{russian}\n\n{russian}\n\n{english}\n\n{russian}\n");
        let reply = app
            .run_with("fac", Role::Facilitator, "reading import", Some(upload("gavan.md", &mixed)))
            .await
            .expect("imported by its majority")
            .text;
        assert!(
            reply.contains("mixes languages") && reply.contains("Russian") && reply.contains("English"),
            "{reply}"
        );
        let listed = app.fac("reading list").await.text;
        assert!(listed.contains("Russian"), "{listed}");
    }
}

/// A German reading written for this repository, with its own questions.
const GERMAN_READING: &str = "# Vertrauen und Institutionen\n\n\
Gerichte, die Fälle vorhersehbar entscheiden, senken die Kosten der Zusammenarbeit. Bürger \
vertrauen Regeln eher, wenn sie sehen, dass die Regeln für alle gleich gelten. Kritiker \
antworten, dass Vertrauen langsam wächst und nicht aus Regeln allein folgt.\n\n\
Q: Was meint der Autor mit der Vorhersehbarkeit von Gerichten?\n\
Q: Wie würde eine Kritikerin antworten, die meint, Vertrauen entstehe aus Erfahrung?\n\n\
Kleine Parteien erringen in Koalitionen Zugeständnisse, zahlen dafür aber oft bei der \
nächsten Wahl. Historiker finden diesen Effekt in vielen Demokratien, auch wenn er sich \
nicht sofort zeigt.\n";

/// What a group hears from the bot's commands in a day: setup, help, import, the reading
/// list and preview, a poll with votes and results, claims (proposed, queued, approved,
/// decided twice), cards, the schedule, export, the privacy commands and a run of bad
/// inputs. Returns (everything the bot answered, the refusals alone).
async fn commands_in(
    app: &TestApp,
    lang: &str,
    reading: &str,
    [claim, member_claim]: [&str; 2],
) -> (String, Vec<String>) {
    use colloquy::engine::Upload;
    let mut out = Vec::new();
    let ok =
        |r: Result<colloquy::engine::Reply, colloquy::engine::CommandError>, line: &str| match r {
            Ok(reply) => reply.text,
            Err(e) => panic!("`{line}` failed: {e}"),
        };
    out.push(
        app.fac(&format!(
            "setup --tz Europe/Moscow --time 09:00 --language {lang}"
        ))
        .await
        .text,
    );
    out.push(ok(app.run("ben", Role::Member, "help").await, "help"));
    out.push(ok(
        app.run("ben", Role::Member, "help poll create").await,
        "help poll create",
    ));
    out.push(app.fac("help setup").await.text);
    out.push(ok(
        app.run("ben", Role::Member, "help pol").await,
        "help pol",
    ));
    out.push(app.fac("reading list").await.text);
    let upload = |bytes: &str| Upload {
        name: "reading.md".into(),
        bytes: bytes.as_bytes().to_vec(),
    };
    out.push(app.import_in_short_excerpts(reading).await.text);
    out.push(app.fac("reading list").await.text);
    out.push(app.fac("reading preview").await.text);
    out.push(app.fac("excerpt next").await.text);
    app.deliver().await;
    out.push(
        app.fac(&format!("poll create \"{claim}\" --minutes 30"))
            .await
            .text,
    );
    app.deliver().await;
    for (who, v) in [("ana", "1"), ("ben", "2"), ("chen", "1")] {
        out.push(ok(
            app.run(who, Role::Member, &format!("vote 1 {v}")).await,
            "vote",
        ));
    }
    out.push(app.fac("poll extend 1 --minutes 10").await.text);
    out.push(app.fac("poll suggest").await.text);
    out.push(app.fac("poll close 1").await.text);
    app.deliver().await;
    out.push(ok(
        app.run(
            "ana",
            Role::Member,
            &format!("claim add \"{member_claim}\""),
        )
        .await,
        "claim add",
    ));
    out.push(app.fac("claim queue").await.text);
    out.push(app.fac("claim approve 1").await.text);
    app.deliver().await;
    out.push(ok(
        app.run("ben", Role::Member, "schedule status").await,
        "schedule status",
    ));
    out.push(app.fac("export").await.text);
    out.push(ok(
        app.run("ana", Role::Member, "privacy my-data").await,
        "my-data",
    ));
    out.push(ok(
        app.run("ana", Role::Member, "privacy forget-me").await,
        "forget-me",
    ));
    out.push(ok(
        app.run("ana", Role::Member, "privacy forget-me --confirm")
            .await,
        "forget-me",
    ));
    out.push(ok(
        app.run("ben", Role::Member, "privacy quotes off").await,
        "quotes",
    ));
    out.push(app.fac("session start").await.text);
    out.push(app.fac("session end").await.text);
    // Bad inputs: each is refused, in the group's language.
    let bad = [
        ("ben", Role::Member, "frobnicate"),
        ("ben", Role::Member, "pol create \"x\""),
        ("ben", Role::Member, "poll"),
        ("fac", Role::Facilitator, "poll create"),
        ("fac", Role::Facilitator, "poll create \"x\" --colour red"),
        ("fac", Role::Facilitator, "poll create \"x\" --scale weird"),
        (
            "fac",
            Role::Facilitator,
            "poll create \"x\" --minutes 5 --until 10:00",
        ),
        ("fac", Role::Facilitator, "poll create \"unclosed"),
        ("fac", Role::Facilitator, "poll close 77"),
        ("fac", Role::Facilitator, "poll close abc"),
        ("ben", Role::Member, "vote 99 1"),
        ("ben", Role::Member, "vote 1 7"),
        ("ben", Role::Member, "excerpt next"),
        ("fac", Role::Facilitator, "setup --time 25:99"),
        ("fac", Role::Facilitator, "setup --tz Mars/Base"),
        ("fac", Role::Facilitator, "setup --days someday"),
        ("fac", Role::Facilitator, "setup --words 3"),
        ("fac", Role::Facilitator, "map --session 99"),
        ("fac", Role::Facilitator, "map --session 1 --reading 1"),
        ("fac", Role::Facilitator, "export --format pdf"),
        ("fac", Role::Facilitator, "reading preview 42"),
        ("fac", Role::Facilitator, "claim approve 1"),
        ("fac", Role::Facilitator, "claim reject 99"),
        (
            "fac",
            Role::Facilitator,
            "quiz add \"Q?\" --options \"a|b\"",
        ),
        ("fac", Role::Facilitator, "session end"),
        ("fac", Role::Facilitator, "report --session 99"),
        ("fac", Role::Facilitator, "breakout 2 --by mood"),
    ];
    let mut refusals = Vec::new();
    for (who, role, line) in bad {
        let err = app.run(who, role, line).await.expect_err(line).to_string();
        assert!(!err.trim().is_empty(), "`{line}` was refused with nothing");
        refusals.push(err);
    }
    for name in ["", "book.pdf"] {
        let bytes = if name.is_empty() { "" } else { "%PDF" };
        let file = Upload {
            name: if name.is_empty() {
                "empty.txt".into()
            } else {
                name.into()
            },
            bytes: bytes.as_bytes().to_vec(),
        };
        let err = app
            .run_with("fac", Role::Facilitator, "reading import", Some(file))
            .await
            .expect_err("a bad file")
            .to_string();
        refusals.push(err);
    }
    refusals.push(
        app.run_with(
            "fac",
            Role::Facilitator,
            "reading import",
            Some(upload(reading)),
        )
        .await
        .expect_err("the same text again")
        .to_string(),
    );
    out.extend(refusals.iter().cloned());
    (out.join("\n\n"), refusals)
}

/// Names, codes and file names the bot may write in any language.
const NOT_ENGLISH_SENTENCES: &[&str] = &[
    "Europe/Moscow",
    "ana",
    "ben",
    "chen",
    "fac",
    "colloquy",
    "replies.csv",
    "votes.csv",
    "votes-anonymous.csv",
    "my-colloquy-data.json",
    "Mars/Base",
    "book.pdf",
    "empty.txt",
    "IANA",
    "Discord",
    "LLM",
    "JSON",
    "CSV",
    "Markdown",
    "UTF-8",
    "NUL",
];

/// Words that only English sentences use (checked as whole words).
fn english_words(text: &str) -> Vec<String> {
    const WORDS: &[&str] = &[
        "the", "you", "your", "is", "are", "not", "and", "with", "this", "that", "has", "have",
        "here", "there", "of",
    ];
    let mut found = Vec::new();
    let mut cleaned = String::new();
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
            cleaned.push(' ');
        } else if !in_code {
            cleaned.push(c);
        }
    }
    for line in cleaned.lines() {
        let words: Vec<&str> = line
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        for w in &words {
            if WORDS.contains(&w.to_lowercase().as_str()) {
                found.push(format!("{w}: {line}"));
            }
        }
    }
    found
}

colloquy::store_test! {
    /// A Russian group and a German one drive every command family (setup, help, import,
    /// polls and votes, claims, the schedule, export, privacy, live sessions) and a run of
    /// bad inputs: nothing comes back in English, and Russian counts take their three forms.
    async fn russian_and_german_groups_hear_no_english_from_commands(db: TestDb) {
        for (lang, reading, claims, letter) in [
            (
                "ru",
                RUSSIAN_READING,
                ["Предсказуемые суды укрепляют доверие", "Малые партии проигрывают выборы"],
                'я',
            ),
            (
                "de",
                GERMAN_READING,
                ["Vorhersehbare Gerichte stärken das Vertrauen", "Kleine Parteien verlieren Wahlen"],
                'ä',
            ),
        ] {
            let app = TestApp::new(db).await;
            let (all, refusals) = commands_in(&app, lang, reading, claims).await;
            // Runs of Latin-script words are English only where the language has none.
            if lang == "ru" {
                let runs = english_runs(&all, NOT_ENGLISH_SENTENCES);
                assert!(runs.is_empty(), "{lang}: English runs: {runs:?}\n\n{all}");
            }
            let words = english_words(&all);
            assert!(words.is_empty(), "{lang}: English words: {words:#?}\n\n{all}");
            for r in &refusals {
                assert!(
                    r.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) || lang == "de",
                    "{lang}: a refusal with no {lang} letters: {r}"
                );
            }
            assert!(all.contains(letter), "{all}");
            if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
                println!("{all}");
            }
        }
    }
}

colloquy::store_test! {
    /// Russian plurals in the bot's answers: 1 тезис, 3 тезиса, 5 тезисов, 21 тезис.
    async fn russian_counts_in_the_claim_queue_take_their_forms(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --language ru").await;
        app.import_in_short_excerpts(RUSSIAN_READING).await;
        app.fac("excerpt next").await;
        let mut seen = Vec::new();
        for i in 1..=21 {
            app.run(&format!("m{i}"), Role::Member, &format!("claim add \"Тезис {i} о доверии\""))
                .await
                .expect("claim add");
            if [1, 3, 5, 21].contains(&i) {
                let queue = app.fac("claim queue").await.text;
                seen.push(queue.lines().next().unwrap_or_default().to_string());
            }
        }
        assert_eq!(
            seen,
            [
                "1 тезис ждёт проверки:",
                "3 тезиса ждут проверки:",
                "5 тезисов ждут проверки:",
                "21 тезис ждёт проверки:"
            ]
        );
    }
}

/// A Russian group with an excerpt, three replies and a pre/post poll pair, both closed.
async fn russian_group_with_a_poll_pair(app: &TestApp) {
    let (_, session) = app
        .group_with_first_excerpt("setup --tz Europe/Moscow --language ru", RUSSIAN_READING)
        .await;
    let thread = session.thread_id.expect("a thread");
    for (who, text) in [
        ("ana", "Предсказуемость судов важнее их строгости."),
        ("ben", "Доверие строится годами, правила вторичны."),
        ("chen", "А как быть с малыми партиями?"),
    ] {
        app.say(who, Some(&thread), text).await;
    }
    let claim = "Предсказуемые суды укрепляют доверие";
    app.fac(&format!("poll create \"{claim}\" --minutes 30 --phase pre"))
        .await;
    for (who, v) in [("ana", 1), ("ben", 2), ("chen", 1)] {
        app.run(who, Role::Member, &format!("vote 1 {v}"))
            .await
            .expect("vote");
    }
    app.fac("poll close 1").await;
    app.fac(&format!(
        "poll create \"{claim}\" --minutes 30 --phase post"
    ))
    .await;
    for (who, v) in [("ana", 1), ("ben", 1), ("chen", 3)] {
        app.run(who, Role::Member, &format!("vote 2 {v}"))
            .await
            .expect("vote");
    }
    app.fac("poll close 2").await;
    app.deliver().await;
}

colloquy::store_test! {
    /// A Russian group's `stats` (totals, members, attendance) and a summary asked for
    /// before any session carry no English, with Russian counts.
    async fn a_russian_groups_stats_are_in_russian(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz Europe/Moscow --language ru").await;
        let none = app
            .run("fac", Role::Facilitator, "summary")
            .await
            .unwrap_err()
            .to_string();
        assert_eq!(none, "Здесь ещё не было ни одного занятия.");
        russian_group_with_a_poll_pair(&app).await;
        let stats = app.fac("stats").await.text;
        let runs = english_runs(&stats, NOT_ENGLISH_SENTENCES);
        assert!(runs.is_empty(), "English in stats: {runs:?}\n\n{stats}");
        let words = english_words(&stats);
        assert!(words.is_empty(), "English in stats: {words:?}\n\n{stats}");
        assert!(stats.starts_with("**Участие в группе"), "{stats}");
        assert!(stats.contains("1 занятие, 3 ответа от 3 участников"), "{stats}");
        assert!(stats.contains("2 опроса."), "{stats}");
        assert!(stats.contains("- ana: 1 ответ, "), "{stats}");
        let missing = app
            .run("fac", Role::Facilitator, "summary --session 99")
            .await
            .unwrap_err()
            .to_string();
        assert_eq!(missing, "В этой группе нет занятия №99.");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{stats}");
        }
    }
}

colloquy::store_test! {
    /// The results chart of a Russian group's polls: series, subtitle and alt text (the
    /// description Discord and Matrix show with the image) are in Russian.
    async fn a_russian_groups_poll_chart_is_described_in_russian(db: TestDb) {
        let app = TestApp::new(db).await;
        russian_group_with_a_poll_pair(&app).await;
        let mut texts = Vec::new();
        for id in [1, 2] {
            let poll = app.store.poll(id).await.expect("read").expect("a poll");
            let view = app.engine.poll_result_view(&poll).await.expect("view");
            let chart = app.engine.chart_data(&view).expect("a chart");
            texts.push(view.alt_text.clone());
            texts.push(chart.subtitle.clone().unwrap_or_default());
            for s in &chart.series {
                texts.push(format!("{}: {}", s.name, s.label));
            }
            let png = colloquy::chart::render_png(&chart).expect("a png");
            assert!(png.len() > 1000);
        }
        let all = texts.join("\n");
        let runs = english_runs(&all, NOT_ENGLISH_SENTENCES);
        assert!(runs.is_empty(), "English in the chart: {runs:?}\n\n{all}");
        let words = english_words(&all);
        assert!(words.is_empty(), "English in the chart: {words:?}\n\n{all}");
        assert!(all.contains("Столбчатая диаграмма опроса №1 (3 проголосовавших)"), "{all}");
        assert!(all.contains("Парная столбчатая диаграмма опроса №1 до обсуждения и №2 после"), "{all}");
        assert!(all.contains("До: До (опрос №1 · 3 проголосовавших)"), "{all}");
        assert!(all.contains("После: После (опрос №2 · 3 проголосовавших)"), "{all}");
        assert!(all.contains("Голоса: Голоса"), "{all}");
        // The options are the scale's in Russian, in the pair's description too.
        assert!(all.contains("До (3 проголосовавших): Согласен 2 · 67 %"), "{all}");
        assert!(!all.contains("Agree"), "{all}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
        // The log of the console the posts went to: the chart's file notice too.
        let log = app.log_text();
        let notices: Vec<&str> = log.lines().filter(|l| l.contains('📎')).collect();
        assert!(!notices.is_empty(), "{log}");
        for n in notices {
            assert!(n.contains("сохранён в"), "{n}");
        }
    }
}

colloquy::store_test! {
    /// A command the console cannot read is refused in the group's language (the engine's
    /// parse refusal), and the console's own notices follow the group's language too.
    async fn the_console_refuses_a_bad_command_in_the_groups_language(db: TestDb) {
        use colloquy::platform::console::ConsoleChat;
        let app = TestApp::new(db).await;
        let mut chat = ConsoleChat::new(app.engine.clone(), app.port.clone(), app.channel.clone());
        chat.handle_line("!cq setup --tz Europe/Moscow --language ru", None).await;
        let before = app.log_text().len();
        for line in [
            "!cq frobnicate",
            "!cq excerpt nxt",
            "!cq poll create --minutez 5",
            "!cq vote x 1",
            "!cq poll create \"без конца",
            "/channel",
        ] {
            chat.handle_line(line, None).await;
        }
        let log = app.log_text()[before..].to_string();
        let answers: Vec<&str> = log.lines().filter(|l| !l.contains("!cq")).collect();
        assert!(answers.len() >= 6, "{log}");
        let text = answers.join("\n");
        let runs = english_runs(&text, NOT_ENGLISH_SENTENCES);
        assert!(runs.is_empty(), "English from the console: {runs:?}\n\n{log}");
        let words = english_words(&text);
        assert!(words.is_empty(), "English from the console: {words:?}\n\n{log}");
        assert!(
            answers.iter().filter(|l| l.trim_start().starts_with('⚠')).count() >= 5,
            "{log}"
        );
        assert!(text.contains("(пишем в канал;"), "{log}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{log}");
        }
    }
}

/// A command in a direct chat with the bot (a console channel that is no group), as
/// `who` whose platform states `stated` as their language.
async fn in_direct_chat(
    app: &TestApp,
    who: &str,
    stated: Option<Locale>,
    line: &str,
) -> Result<colloquy::engine::Reply, colloquy::engine::CommandError> {
    use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
    let caller = colloquy::engine::Caller {
        key: MemberKey::new(Platform::Console, who),
        name: who.to_string(),
        role: Role::Member,
        locale: stated,
    };
    let dm = ChannelKey::new(Platform::Console, format!("dm-{who}"));
    app.run_as(&dm, caller, line, None).await
}

/// A group (`lang`) in the console channel `channel`, where `who` replies once.
async fn group_with_a_reply(app: &TestApp, channel: &str, lang: &str, who: &str) {
    use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
    let key = ChannelKey::new(Platform::Console, channel);
    let fac = || colloquy::engine::Caller {
        key: MemberKey::new(Platform::Console, "fac"),
        name: "fac".into(),
        role: Role::Facilitator,
        locale: None,
    };
    app.run_as(
        &key,
        fac(),
        &format!("setup --tz UTC --language {lang}"),
        None,
    )
    .await
    .expect("setup");
    app.run_as(&key, fac(), "session start", None)
        .await
        .expect("a live session");
    app.engine
        .on_message(colloquy::engine::IncomingMessage {
            platform: Platform::Console,
            channel_id: channel.into(),
            thread_root: None,
            reply_to: None,
            message_id: format!("{channel}-{who}"),
            author: MemberKey::new(Platform::Console, who),
            author_name: who.into(),
            text: "Суды и доверие: мой ответ на сегодняшний отрывок.".into(),
            at: app.engine.now(),
        })
        .await
        .expect("the reply is recorded");
}

colloquy::store_test! {
    /// A direct chat with the bot (no group) is answered in the member's language: their
    /// groups' when those agree, else the language their platform states, else the group
    /// they were last active in, else English.
    async fn a_direct_chat_is_answered_in_the_members_language(db: TestDb) {
        let app = TestApp::new(db).await;
        group_with_a_reply(&app, "seminar-ru", "ru", "ana").await;

        // ana takes part in a Russian group: help, her data and a refusal are in Russian,
        // whatever her platform says.
        for stated in [None, Some(Locale::En)] {
            let help = in_direct_chat(&app, "ana", stated, "help").await.unwrap().text;
            assert!(help.contains("Этот канал ещё не читательская группа"), "{help}");
            let runs = english_runs(&help, &["colloquy"]);
            assert!(runs.is_empty(), "{runs:?}\n{help}");
            let data = in_direct_chat(&app, "ana", stated, "privacy my-data").await.unwrap().text;
            assert!(data.starts_with("Вот что colloquy хранит о вас"), "{data}");
            let refused = in_direct_chat(&app, "ana", stated, "poll results").await.unwrap_err();
            assert!(
                refused.to_string().starts_with("Этот канал ещё не настроен"),
                "{refused}"
            );
        }

        // A line the bot cannot read, typed in a direct chat (the console's `/dm`, a Matrix
        // direct room), is refused in her language too.
        {
            use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
            let typo = colloquy::domain::command::parse("pol create").unwrap_err();
            let refusal = app
                .engine
                .parse_refusal_for(
                    &ChannelKey::new(Platform::Console, "dm-ana"),
                    &MemberKey::new(Platform::Console, "ana"),
                    typo,
                )
                .await
                .to_string();
            let runs = english_runs(&refusal, &["colloquy"]);
            assert!(runs.is_empty() && refusal.chars().any(|c| ('а'..='я').contains(&c)), "{refusal}");
        }

        // Someone in no group: the language their platform states, else English.
        let de = in_direct_chat(&app, "zed", Some(Locale::De), "help").await.unwrap().text;
        assert!(de.contains("Dieser Kanal ist noch keine Lesegruppe"), "{de}");
        let en = in_direct_chat(&app, "zed", None, "help").await.unwrap().text;
        assert!(en.contains("This channel is not a reading group yet"), "{en}");

        // ana joins a German group as well: her groups disagree, so her platform's
        // language decides, else the group she wrote in last (the German one).
        app.clock.set(app.engine.now() + chrono::Duration::minutes(5));
        group_with_a_reply(&app, "seminar-de", "de", "ana").await;
        let fr = in_direct_chat(&app, "ana", Some(Locale::Fr), "help").await.unwrap().text;
        assert!(fr.contains("Ce salon n’est pas encore un groupe de lecture"), "{fr}");
        let last = in_direct_chat(&app, "ana", None, "help").await.unwrap().text;
        assert!(last.contains("Dieser Kanal ist noch keine Lesegruppe"), "{last}");
    }
}
