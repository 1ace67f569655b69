from django.contrib.auth.decorators import permission_required
from django.shortcuts import render

from audio import recordings as audio


@permission_required("audio.view_audiorecording", raise_exception=True)
def recordings_to_make(request):
    needs = audio.recording_needs()
    return render(
        request,
        "audio/admin/recordings_to_make.html",
        {
            "outdated": [n for n in needs if n.outdated],
            "missing": [n for n in needs if not n.outdated],
        },
    )
