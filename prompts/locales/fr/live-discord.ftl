## séminaires en direct sur Discord : le salon vocal ou de conférence qui compte pour la présence
# Après la réponse à setup ; $channel est le nom du salon.
voice-channel-set = Présence : les membres du salon vocal « { $channel } » comptent comme présents aux séances en direct, avec leurs heures d'arrivée et de départ.
voice-channel-off = Présence : plus aucun salon vocal n'est suivi ; un membre est présent quand il écrit, vote, lève la main ou prend des notes.
# `setup --voice-channel` sur Matrix ou dans la console.
voice-channel-discord-only = Les salons vocaux ne sont suivis que sur Discord : ici, un membre est présent quand il écrit, vote, lève la main ou prend des notes.
# L'adaptateur Discord n'a pas cherché le salon (un nom tapé est arrivé jusqu'au cœur).
voice-channel-unresolved = Choisissez le salon vocal dans l'option `voice_channel` de `/setup`.
voice-channel-unknown = Ce serveur n'a pas de salon « { $given } ». Indiquez un salon vocal ou de conférence par son nom, sa mention ou son identifiant, ou `none` pour n'en suivre aucun.
voice-channel-not-voice = « { $name } » n'est ni un salon vocal ni un salon de conférence, personne ne peut donc y être présent : choisissez un salon vocal ou de conférence.
voice-channel-ambiguous = { $count } salons vocaux s'appellent « { $given } » : indiquez celui que vous voulez par sa mention ou son identifiant.
voice-channel-unreadable = Les salons du serveur sont illisibles pour le moment, le salon vocal n'a donc pas changé ; réessayez dans un instant.
