from django.contrib.auth import views as auth_views
from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("uebung/<int:page_id>/<str:block_id>/", views.exercise, name="exercise"),
    path("xapi/", views.xapi, name="xapi"),
    path("h5p/<int:content_id>/spielen/", views.h5p_player, name="h5p_player"),
    path("lernpass/", views.lernpass, name="lernpass"),
    path("lernpass/anlegen/", views.lernpass_create, name="lernpass_create"),
    path("lernpass/wiederherstellen/", views.lernpass_restore, name="lernpass_restore"),
    path("lernpass/qr-code.svg", views.lernpass_qr, name="lernpass_qr"),
    path("lernpass/loeschen/", views.lernpass_delete, name="lernpass_delete"),
    path("lernpass/vergessen/", views.lernpass_forget, name="lernpass_forget"),
    path("schritt/<int:page_id>/", views.step_done, name="step_done"),
    path("klasse-beitreten/", views.join, name="join"),
    path("lehrkraefte/anmelden/", views.TeacherLoginView.as_view(), name="teacher_login"),
    path(
        "lehrkraefte/abmelden/",
        auth_views.LogoutView.as_view(next_page="/lernen/lehrkraefte/anmelden/"),
        name="teacher_logout",
    ),
    path("klassen/", views.groups, name="groups"),
    path("klassen/<int:pk>/", views.group, name="group"),
    path("klassen/<int:pk>/qr-code.svg", views.group_qr, name="group_qr"),
    path("klassen/<int:pk>/tafel/", views.group_board, name="group_board"),
    path("klassen/<int:pk>/beenden/", views.group_end, name="group_end"),
    path("zertifikat/<int:course_id>/", views.certificate, name="certificate"),
]
