"""Signals the contacts send, for the apps above them (editions records, notifications mails)."""

from django.dispatch import Signal

# Sent with `contact` once an approval is saved: every message referring to it gets new
# editions (editions.receivers), so one change reaches every card, QR page and pack.
approved = Signal()
# Sent with `contact` when an edit leaves it waiting for approval: its agency's approvers are
# told (notifications).
waiting = Signal()
