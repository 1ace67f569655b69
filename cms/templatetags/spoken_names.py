from django import template

register = template.Library()


@register.inclusion_tag("public/_say_name.html", takes_context=True)
def say_name(context, language):
    """A play button for the language's own name, when a recording of it plays (the view puts
    `spoken_names`, from cms.spoken, in the context); nothing otherwise."""
    names = context.get("spoken_names") or {}
    return {"item": language, "spoken": names.get(language.code)}
