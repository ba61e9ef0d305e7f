## Ce que la synthèse écrit elle-même
summary-notice-chatter-only = Il n’y a eu que des salutations, de l’organisation et de brèves réactions : pas de discussion à résumer.
summary-notice-other-language = Cette discussion est en { $language }, une langue pour laquelle colloquy n’a pas encore de règles ; la synthèse montre donc ses réponses les plus centrales, sans thèmes, désaccords ni questions ouvertes.
summary-about-members-point = l’argument de { $name }
summary-about-an-earlier-point = un argument précédent
