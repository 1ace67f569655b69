from django.contrib.auth.decorators import permission_required
from django.shortcuts import render

from dialogue import audio


@permission_required("dialogue.view_audiorecording", raise_exception=True)
def recordings_to_make(request):
    needs = audio.recording_needs()
    return render(
        request,
        "dialogue/admin/recordings_to_make.html",
        {
            "outdated": [n for n in needs if n.outdated],
            "missing": [n for n in needs if not n.outdated],
        },
    )
