## setup
language-name = Deutsch
setup-unknown-language = Unbekannte Sprache `{ $given }`: colloquy spricht { $supported } (en Englisch, ru Russisch, zh vereinfachtes Chinesisch, de Deutsch, fr Französisch).
setup-bad-words = --words muss zwischen 40 und 5000 liegen (angegeben: { $words })
setup-bad-name = --name muss 1 bis 60 Zeichen lang sein
setup-settings = Abschnitte von etwa { $words } Wörtern um { $time } { $zone } ({ $days }), Zusammenfassungen um { $summary }, auf { $language }.
setup-created = Dieser Kanal ist jetzt eine Lesegruppe: { $settings }
setup-updated = Einstellungen aktualisiert: { $settings }
setup-next-post = Nächster Beitrag: { $next }.
setup-import-hint = Importiere einen Text mit `reading import` (hänge eine .txt- oder .md-Datei an).
days-every-day = täglich
days-weekdays = werktags

## schedule
schedule-posted-today = Der heutige Abschnitt wurde um { $time } gepostet.
schedule-paused-state = Der Zeitplan ist pausiert; `schedule resume` startet ihn wieder.
schedule-next = Nächster Abschnitt: { $next }.
schedule-none = Es ist keine Uhrzeit für Beiträge geplant.
schedule-skipping-through = Beiträge werden bis einschließlich { $date } ausgelassen.
schedule-settings = Zeitplan: { $time } { $zone } ({ $days }), nach einem Ausfall: { $catch_up }. Zusammenfassungen um { $summary }.
schedule-left = { $n ->
    [one] Noch { $n } Abschnitt zu posten.
   *[other] Noch { $n } Abschnitte zu posten.
}
schedule-paused = Der tägliche Zeitplan ist pausiert. `schedule resume` startet ihn wieder; `excerpt next` postet weiterhin auf Wunsch.
schedule-resumed = Der tägliche Zeitplan läuft wieder.
schedule-nothing-to-skip = Es gibt keinen anstehenden Beitrag, der ausgelassen werden könnte.
schedule-skipped = Der Beitrag vom { $when } wird ausgelassen.
schedule-after-skip = Der nächste danach: { $next }.
catch-up-latest = den zuletzt verpassten Abschnitt nachholen
catch-up-skip = verpasste Beiträge auslassen
