"""Mail as background work (django-tasks): immediate by default, a worker's with
TASKS_BACKEND=database. A failing mail is logged by django-tasks and never undoes an approval."""

from django_tasks import task

from notifications import mail


@task()
def deliver(event: str, pk: int) -> int:
    """Build the mail from the database as it is now, and send it; returns how many went."""
    return mail.EVENTS[event](pk)
