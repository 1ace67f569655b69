"""The print station for service-office staff at /print/. Thin: print.station decides."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

import languages
from cms import limits
from print import builds, recall
from print import station as print_station
from print.content import NotPrintable
from print.models import StaffProfile

LOGIN_URL = "station_login"


def _page(request, template, context, status=200):
    # Staff work in Swedish; the languages they choose from are shown in their own scripts.
    with translation.override(languages.SOURCE_LANGUAGE):
        return render(request, template, {"language": languages.source(), **context}, status=status)


def _staff_profile(user):
    """(her staff profile, None), or (None, why she may not print here: "role" or "office")."""
    if not user.has_perm("print.use_print_station"):
        return None, "role"
    profile = StaffProfile.objects.filter(user=user).select_related("office").first()
    return profile, None if profile else "office"


def _office(request):
    """The office the user prints for, or a page saying why she cannot print here."""
    profile, refusal = _staff_profile(request.user)
    if refusal:
        return None, _page(request, "station/refused.html", {"reason": refusal}, status=403)
    return profile.office, None


@require_safe
@login_required(login_url=LOGIN_URL)
def station(request):
    office, refused = _office(request)
    if refused:
        return refused
    # The recalls belong to the station's own page, not to its answers about a choice.
    context = _form_context(office, request.GET, recalls=recall.for_office(office))
    return _page(request, "station/station.html", context)


@require_POST
@login_required(login_url=LOGIN_URL)
def recall_seen(request):
    """The office has dealt with its old copies of a recalled card: it leaves the list."""
    office, refused = _office(request)
    if refused:
        return refused
    data = request.POST
    recall.mark_seen(office, data.get("card", ""), data.get("lang", ""), data.getlist("version"))
    return redirect(f"{reverse('station')}#recalls")


def _form_context(office, query, **extra):
    chosen_events = query.getlist("event") or list(print_station.PRESET_EVENTS)
    choices = print_station.language_choices(office)
    return {
        "office": office,
        "choices": choices,
        "nothing_ready": not any(choice.cards for choice in choices),
        # The station's own page opens the PDF beside it; a refusal already is a tab of its own.
        "new_tab": "plan" not in extra and "error" not in extra,
        "events": print_station.life_events(),
        "chosen": {
            "lang": query.get("lang", ""),
            "events": chosen_events,
            "layout": query.get("layout", "cards"),
        },
        **extra,
    }


@require_safe
@login_required(login_url=LOGIN_URL)
@limits.prints
def station_pdf(request):
    office, refused = _office(request)
    if refused:
        return refused
    query = request.GET
    try:
        plan = print_station.order(
            query.get("lang", ""),
            query.getlist("event"),
            query.get("layout", ""),
            codes=query.getlist("card"),
        )
        if not plan.complete and query.get("partial") != "1":
            # Never leave something out silently: say what is missing, offer the rest, or
            # when nothing of the choice exists in her language, what does.
            offers = print_station.offers(plan) if plan.empty else []
            context = _form_context(office, query, plan=plan, offers=offers)
            return _page(request, "station/station.html", context, status=200)
        answer = print_station.prepared(plan)
    except NotPrintable as error:
        context = _form_context(office, query, error=str(error))
        return _page(request, "station/station.html", context, status=400)
    if answer.data is None:
        return _not_ready(request, office, answer)
    print_station.count(plan, office)  # she gets it now
    response = HttpResponse(answer.data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{print_station.file_name(plan)}"'
    return response


PAUSE = "paus"  # on the "being prepared" page: do not reload by itself


def _not_ready(request, office, answer: builds.Answer) -> HttpResponse:
    """A larger print built in the background: "being prepared" (202) with how far it has
    come, reloading itself without JavaScript until the PDF is there and then showing it; or,
    for a while after its build failed, "try later" (503). Never kept by the browser."""
    again = request.GET.copy()
    paused = again.pop(PAUSE, None) is not None  # WCAG 2.2.1: reloading can be stopped
    stop = again.copy()
    stop[PAUSE] = "1"
    preparing = answer.preparing
    retry = builds.RETRY_AFTER_SECONDS if preparing else int(builds.FAILURE_PAUSE.total_seconds())
    context = {
        "office": office,
        "answer": answer,
        "refresh": retry if preparing and not paused else None,
        "again": f"{request.path}?{again.urlencode()}",
        "paused": f"{request.path}?{stop.urlencode()}",
    }
    response = _page(request, "station/preparing.html", context, status=202 if preparing else 503)
    response["Retry-After"] = str(retry)
    patch_cache_control(response, no_store=True)
    return response


class StationLoginForm(AuthenticationForm):
    """Office staff only: any other account, administrators' included, gets no session here."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        _profile, refusal = _staff_profile(user)
        if refusal:
            self.refusal = refusal  # the template says why, in the station's words
            raise ValidationError("refused", code=refusal)


class StationLogin(auth_views.LoginView):
    template_name = "station/login.html"
    authentication_form = StationLoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("station")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A station is a shared office computer: the login ends when the browser closes.
        self.request.session.set_expiry(0)
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "language": languages.source()}

    def dispatch(self, request, *args, **kwargs):
        with translation.override(languages.SOURCE_LANGUAGE):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return response
