"""Koordination approves or rejects sessions Lotsen planned (when approval is switched on)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from events.models import Session, SessionReview
from events.workspace import forms, services
from events.workspace.views.base import render_page


def review_list(request: HttpRequest) -> HttpResponse:
    reviews = (
        SessionReview.objects.filter(state=SessionReview.PENDING)
        .select_related("session__workshop", "session__venue__district", "submitted_by")
        .order_by("session__start")
    )
    return render_page(
        request,
        "events/workspace/review_list.html",
        "Termine zur Freigabe",
        {"reviews": reviews, "form": forms.ReviewForm()},
    )


@require_POST
def review_decide(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=session_id)
    form = forms.ReviewForm(request.POST)
    form.is_valid()
    approve = request.POST.get("entscheidung") == "freigeben"
    services.decide_review(
        session, approve=approve, user=request.user, comment=form.cleaned_data.get("comment", "")
    )
    messages.success(request, f"„{session}“ ist {'freigegeben' if approve else 'abgelehnt'}.")
    return redirect("events_workspace:reviews")
