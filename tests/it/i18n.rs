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
