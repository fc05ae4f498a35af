"""Views of the learning app; the rules are in learning.services and learning.h5p."""

from __future__ import annotations

from functools import wraps

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core import signing
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from cms.ratelimits import rate_limited
from cms.validators import JSONRejected, loads_checked
from courses.models import CoursePage
from learning import services
from learning.blocks import (
    RESULT_PARAM,
    CheckableExerciseBlock,
    H5PBlock,
    find_exercise,
    result_token,
)
from learning.forms import CertificateForm, GroupForm, JoinForm, RestoreForm
from learning.models import H5PContent, Lerngruppe

# H5P statements nest about eight levels deep (context → contextActivities → … → name).
XAPI_MAX_DEPTH = 32
H5P_TOKEN_SALT = "learning.h5p-player"  # noqa: S105 – a signing salt, not a secret
TOO_MANY = gettext_lazy(
    "Sie haben in kurzer Zeit sehr viele Anfragen gesendet. Bitte warten Sie etwas und "
    "versuchen Sie es dann noch einmal."
)
# One number per CLDR plural category (what Intl.PluralRules in the browser names); the gettext
# plural formula of each of our languages maps it to the form that category needs.
PLURAL_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


# --- Native exercises ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def exercise(request: HttpRequest, page_id: int, block_id: str) -> HttpResponse:
    """Check an answer, record it on the Lernpass, and show the page with the result in place.

    Without JavaScript a checked answer redirects back to the page (POST-redirect-GET) with the
    answer signed in the address and anchored at the exercise, so reload and bookmark show the
    result again; an answer with an error shows the page at once (400), with what was chosen.
    A GET (a bookmark of this address) goes to the exercise on its page.
    """
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    found = find_exercise(page, block_id)
    if found is None or not isinstance(found[0], CheckableExerciseBlock):
        raise Http404("Keine Übung")
    block, value = found
    if request.method == "GET":
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return HttpResponseRedirect(f"{page.url}{query}#uebung-{block_id}")
    if rate_limited(request, "learning:exercise"):
        result = services.ExerciseResult(False, 0, 0, error=TOO_MANY)
        status = 429
    else:
        lernpass = services.lernpass_from_request(request)
        result = services.answer_exercise(page, block, value, block_id, request.POST, lernpass)
        status = 400 if result.error else 200
    request.learning_results = {block_id: result}
    if _wants_json(request):
        html = block.render(
            value,
            context={
                "page": page,
                "request": request,
                "exercise_block_id": block_id,
                "csrf_token": get_token(request),
            },
        )
        return JsonResponse(
            {"html": html, "message": result.message, "correct": result.correct},
            status=status,
        )
    if status == 200:
        query = request.GET.copy()
        query[RESULT_PARAM] = result_token(
            block_id, request.POST, saved=result.saved, note=result.note
        )
        return HttpResponseRedirect(f"{page.url}?{query.urlencode()}#uebung-{block_id}", status=303)
    response = page.serve(request)
    response.status_code = status
    return response


# --- H5P ---------------------------------------------------------------------------------------


# The player frame alone gets what H5P content needs beyond the site's policy – never script
# eval, inline scripts or inline styles (h5p.js and the libraries set styles through the DOM,
# which CSP allows). ``blob:`` for media and images: H5P's audio/video players and sound effects
# play from blob URLs, image editors preview as blobs. ``data:`` for fonts: libraries embed icon
# fonts as data URLs in their CSS.
H5P_PLAYER_CSP = {
    "media-src": ["blob:"],
    "font-src": ["data:"],
    "img-src": ["blob:"],
}


def _player_token(content: H5PContent, page_id: str, block_id: str) -> str | None:
    """A signed (content, page, block) – only if that live public page has that H5P block.

    Returns "" when the player runs outside a page (admin preview: nothing is recorded) and None
    for a combination that does not exist, which the view refuses.
    """
    if not page_id and not block_id:
        return ""
    if not page_id.isdigit() or not block_id:
        return None
    page = Page.objects.live().public().filter(pk=int(page_id)).first()
    if page is None:
        return None
    found = find_exercise(page.specific, block_id)
    if found is None or not isinstance(found[0], H5PBlock):
        return None
    chosen = found[1].get("content")
    if chosen is None or chosen.pk != content.pk:
        return None
    return signing.dumps({"c": content.pk, "p": page.pk, "b": block_id}, salt=H5P_TOKEN_SALT)


@never_cache
@xframe_options_sameorigin
@csp_update(H5P_PLAYER_CSP)
def h5p_player(request: HttpRequest, content_id: int) -> HttpResponse:
    """The page inside the H5P block's iframe: h5p-standalone plus our xAPI listener."""
    content = get_object_or_404(H5PContent.objects.select_related("main_library"), pk=content_id)
    token = _player_token(content, request.GET.get("seite", ""), request.GET.get("block", "")[:64])
    if token is None:
        raise Http404("Diese Übung steht nicht auf dieser Seite.")
    return render(
        request,
        "learning/h5p_player.html",
        {
            "content": content,
            "content_url": settings.MEDIA_URL + content.storage_path,
            "libraries_url": settings.MEDIA_URL + "h5p/libraries",
            "token": token,
            "csrf": get_token(request),
        },
    )


@require_POST
def xapi(request: HttpRequest) -> JsonResponse:
    """Intake of H5P xAPI statements (CSRF-protected, signed context, size and rate limit)."""
    if (
        int(request.headers.get("Content-Length") or 0) > services.MAX_STATEMENT_BYTES
        or len(request.body) > services.MAX_STATEMENT_BYTES
    ):
        return JsonResponse({"error": "Die Aussage ist zu groß."}, status=413)
    if rate_limited(request, "learning:xapi"):
        return JsonResponse({"error": TOO_MANY}, status=429)
    try:
        # Depth, NaN/Infinity and unstorable text are refused before anything is parsed further.
        payload = loads_checked(request.body, max_depth=XAPI_MAX_DEPTH)
        where = signing.loads(str(payload.get("token", "")), salt=H5P_TOKEN_SALT, max_age=86400)
        fields = services.parse_xapi(payload.get("statement"))
    except JSONRejected as exc:
        return JsonResponse({"error": f"Die Daten sind kein gültiges JSON: {exc}"}, status=400)
    except AttributeError:
        return JsonResponse({"error": "Die Daten sind kein gültiges JSON."}, status=400)
    except signing.BadSignature:
        return JsonResponse({"error": "Das Zeichen der Übung ist ungültig."}, status=403)
    except services.StatementRejected as exc:
        return JsonResponse({"stored": False, "reason": str(exc)}, status=202)
    lernpass = services.lernpass_from_request(request)
    if lernpass is None:
        return JsonResponse(
            {"stored": False, "reason": "Ohne Lernpass bleibt der Fortschritt im Browser."},
            status=202,
        )
    page = get_object_or_404(Page.objects.live(), pk=where["p"])
    content = H5PContent.objects.filter(pk=where["c"]).first()
    services.record_statement(
        lernpass,
        page,
        block_id=where["b"],
        self_reported=True,
        raw=payload["statement"],
        h5p_content=content,
        **fields,
    )
    return JsonResponse({"stored": True}, status=201)


# --- Lernpass -----------------------------------------------------------------------------------


def _secure(request: HttpRequest) -> bool:
    return request.is_secure()


@never_cache
def lernpass(request: HttpRequest) -> HttpResponse:
    current = services.lernpass_from_request(request)
    context = {
        "lernpass": current,
        "overview": services.progress_overview(current) if current else None,
        "memberships": list(current.memberships.select_related("group")) if current else [],
        "created": request.GET.get("neu") == "1",
        "restored": request.GET.get("wiederhergestellt") == "1",
        "deleted": request.GET.get("geloescht") == "1",
        # Without a Lernpass, learning.js counts what this browser solved.
        "solved_here_messages": _solved_here_messages() if current is None else {},
    }
    return render(request, "learning/lernpass.html", context)


def _solved_here_messages() -> dict[str, str]:
    """ "In diesem Browser haben Sie schon 3 Übungen gelöst." in every plural category.

    Only the browser knows the count (learning.js reads localStorage); it picks the sentence by
    its plural rules and puts the number in for %(count)s.
    """
    return {
        category: ngettext(
            "In diesem Browser haben Sie schon %(count)s Übung gelöst.",
            "In diesem Browser haben Sie schon %(count)s Übungen gelöst.",
            sample,
        )
        for category, sample in PLURAL_SAMPLES.items()
    }


@require_POST
def lernpass_create(request: HttpRequest) -> HttpResponse:
    if rate_limited(request, "learning:lernpass-create"):
        return render(request, "learning/too_many.html", {"message": TOO_MANY}, status=429)
    current = services.lernpass_from_request(request) or services.create_lernpass()
    response = HttpResponseRedirect(reverse("learning:lernpass") + "?neu=1")
    services.remember_lernpass(response, current, secure=_secure(request))
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def lernpass_restore(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = RestoreForm(request.POST)
        if rate_limited(request, "learning:lernpass-restore"):
            form.is_valid()
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            found = None if form.is_bot else services.find_lernpass(form.cleaned_data["code"])
            if found is not None:
                response = HttpResponseRedirect(
                    reverse("learning:lernpass") + "?wiederhergestellt=1"
                )
                services.remember_lernpass(response, found, secure=_secure(request))
                return response
            form.add_error(
                "code",
                _(
                    "Zu diesem Code gibt es keinen Lernpass. Bitte prüfen Sie die Zeichen – oder "
                    "der Lernpass wurde gelöscht, weil er lange nicht genutzt wurde."
                ),
            )
            status = 400
        else:
            status = 400
    else:
        form = RestoreForm()
    return render(request, "learning/lernpass_restore.html", {"form": form}, status=status)


@never_cache
def lernpass_qr(request: HttpRequest) -> HttpResponse:
    current = services.lernpass_from_request(request)
    if current is None:
        raise Http404("Kein Lernpass")
    # The code rides in the fragment, which browsers never send: it stays out of server and
    # proxy logs. A small script (learning.js) puts it into the form; without script the form
    # asks for it.
    url = request.build_absolute_uri(reverse("learning:lernpass_restore")) + f"#code={current.code}"
    return _svg(services.qr_svg(url, scale=6))


def _svg(markup: str) -> HttpResponse:
    return HttpResponse(markup, content_type="image/svg+xml")


@never_cache
@require_http_methods(["GET", "POST"])
def lernpass_delete(request: HttpRequest) -> HttpResponse:
    current = services.lernpass_from_request(request)
    if current is None:
        return HttpResponseRedirect(reverse("learning:lernpass"))
    if request.method == "POST":
        services.delete_lernpass(current)
        response = HttpResponseRedirect(reverse("learning:lernpass") + "?geloescht=1")
        services.forget_lernpass(response)
        return response
    return render(request, "learning/lernpass_delete.html", {"lernpass": current})


@require_POST
def lernpass_forget(request: HttpRequest) -> HttpResponse:
    response = HttpResponseRedirect(reverse("learning:lernpass"))
    services.forget_lernpass(response)
    return response


@require_POST
def step_done(request: HttpRequest, page_id: int) -> HttpResponse:
    """Mark a tutorial step as done on the Lernpass (``schritt`` = 1-based step number)."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    step = request.POST.get("schritt", "")
    current = services.lernpass_from_request(request)
    if not step.isdigit() or not 1 <= int(step) <= 200:
        return HttpResponse(_("Ungültiger Schritt"), status=400)
    if current is None:
        return HttpResponseRedirect(reverse("learning:lernpass"))
    if not rate_limited(request, "learning:step"):
        services.mark_step_done(current, page, int(step))
    back = request.POST.get("weiter", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = f"{page.url}?schritt={step}"
    return HttpResponseRedirect(back)


# --- Lerngruppen --------------------------------------------------------------------------------


def teacher_required(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return HttpResponseRedirect(reverse("learning:teacher_login") + "?next=" + request.path)
        if not services.is_teacher(request.user):
            return render(request, "learning/not_teacher.html", status=403)
        return never_cache(view)(request, *args, **kwargs)

    return wrapped


class TeacherLoginView(auth_views.LoginView):
    template_name = "learning/teacher_login.html"
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return reverse("learning:groups")


def _own_group(request: HttpRequest, pk: int) -> Lerngruppe:
    groups = Lerngruppe.objects.all()
    if not request.user.is_superuser:
        groups = groups.filter(teacher=request.user)
    return get_object_or_404(groups, pk=pk)


@teacher_required
@require_http_methods(["GET", "POST"])
def groups(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = GroupForm(request.POST)
        if form.is_valid():
            group = services.create_group(
                request.user, form.cleaned_data["name"], form.cleaned_data["courses"]
            )
            return HttpResponseRedirect(reverse("learning:group", args=[group.pk]) + "?neu=1")
        status = 400
    else:
        form = GroupForm()
    own = Lerngruppe.objects.filter(teacher=request.user)
    return render(request, "learning/groups.html", {"form": form, "groups": own}, status=status)


def _join_url(request: HttpRequest, group: Lerngruppe) -> str:
    """The address pupils open to join: the code rides in the fragment (never logged)."""
    return request.build_absolute_uri(reverse("learning:join")) + f"#code={group.join_code}"


@teacher_required
def group(request: HttpRequest, pk: int) -> HttpResponse:
    report = services.group_report(_own_group(request, pk))
    return render(
        request,
        "learning/group.html",
        {
            "report": report,
            "group": report.group,
            "join_url": _join_url(request, report.group),
            "created": request.GET.get("neu") == "1",
        },
    )


@teacher_required
def group_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The join address as a QR code, an image of its own (the CSP allows images from self)."""
    group = _own_group(request, pk)
    return _svg(services.qr_svg(_join_url(request, group), scale=8))


@teacher_required
def group_board(request: HttpRequest, pk: int) -> HttpResponse:
    """The join code in large type for the projector: address, code and QR code."""
    group = _own_group(request, pk)
    return render(
        request,
        "learning/group_board.html",
        {
            "group": group,
            "join_url": _join_url(request, group),
            "join_path": reverse("learning:join"),
        },
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def group_end(request: HttpRequest, pk: int) -> HttpResponse:
    group = _own_group(request, pk)
    if request.method == "POST":
        services.end_group(group)
        return HttpResponseRedirect(reverse("learning:groups") + "?beendet=1")
    return render(request, "learning/group_end.html", {"group": group})


@never_cache
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    status = 200
    current = services.lernpass_from_request(request)
    if request.method == "POST":
        form = JoinForm(request.POST)
        # Counted per class code and address (a class joins together from one school router),
        # and all codes together per address against floods.
        code = "".join(ch for ch in request.POST.get("join_code", "")[:32].upper() if ch.isalnum())
        if rate_limited(request, "learning:join") or rate_limited(
            request, "learning:join-class", key=code
        ):
            form.is_valid()
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            if form.is_bot:
                return HttpResponseRedirect(reverse("learning:lernpass"))
            new_pass = current is None
            holder = current or services.create_lernpass()
            try:
                membership = services.join_group(
                    holder, form.cleaned_data["join_code"], form.cleaned_data["nickname"]
                )
            except services.JoinRejected as exc:
                if new_pass:
                    holder.delete()
                form.add_error(exc.field, exc.message)
                status = 400
            else:
                response = render(
                    request,
                    "learning/join_done.html",
                    {"membership": membership, "lernpass": holder, "new_pass": new_pass},
                )
                services.remember_lernpass(response, holder, secure=_secure(request))
                return response
        else:
            status = 400
    else:
        form = JoinForm()
    return render(request, "learning/join.html", {"form": form, "lernpass": current}, status=status)


# --- Certificates -------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def certificate(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    current = services.lernpass_from_request(request)
    details = services.certificate_for(current, course)
    if details is None:
        progress = services.course_progress(current, course)
        return render(
            request,
            "learning/certificate_locked.html",
            {"course": course, "progress": progress, "lernpass": current},
        )
    status = 200
    if request.method == "POST":
        form = CertificateForm(request.POST)
        if form.is_valid():
            return render(
                request,
                "learning/certificate.html",
                {**details, "name": form.cleaned_data["name"]},
            )
        status = 400
    else:
        form = CertificateForm()
    return render(
        request, "learning/certificate_form.html", {**details, "form": form}, status=status
    )
