from wagtail.snippets.models import register_snippet

from contacts import approval, views
from contacts.models import Contact
from contacts.viewsets import ContactViewSet
from dialogue import stamps

register_snippet(ContactViewSet)
stamps.register_admin(
    Contact, prefix="contacts", url_name="contact_approve", view=views.approve,
    edited=approval.edited, may=approval.may_approve,
)  # fmt: skip
