## Live seminars on Matrix: a hand raised with a ✋ reaction on the agenda post
hand-reaction-lower-hint = To lower your hand, take your ✋ reaction off the agenda post.
hand-reaction-lowered = You took your ✋ reaction off the agenda post, so your hand is down: you have left the queue.
hand-reaction-session-over = That agenda's session has ended, so there is no queue to join. A facilitator can start a new session.
