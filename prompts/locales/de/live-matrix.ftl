## Live-Seminare auf Matrix: die Hand heben mit einer ✋-Reaktion auf den Agenda-Beitrag
hand-reaction-lower-hint = Um deine Hand zu senken, entferne deine ✋-Reaktion vom Agenda-Beitrag.
hand-reaction-lowered = Du hast deine ✋-Reaktion vom Agenda-Beitrag entfernt, deine Hand ist also unten: Du hast die Warteschlange verlassen.
hand-reaction-session-over = Die Sitzung zu dieser Agenda ist schon beendet, es gibt also keine Warteschlange. Eine Moderatorin oder ein Moderator kann eine neue Sitzung starten.
