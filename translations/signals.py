"""What translations tells the apps above it, without knowing them.

`recorded` is sent after a unit (one field of one object, in one language) was written or
approved: the apps that serve approved texts (editions) decide whether something new may now
be served. Sent with obj (the part the field belongs to: a card, message, link or life event),
field, language and status.
"""

from django.dispatch import Signal

recorded = Signal()

# Sent after a comment on a unit was posted (a translator's question, a reviewer's remark),
# with comment: the apps above decide who is told (notifications mails the other side).
commented = Signal()
