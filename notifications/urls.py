from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/open/", views.open_notification, name="open"),
    path("<int:pk>/read/", views.mark_read, name="read"),
    path("read-all/", views.mark_all_read, name="read_all"),
    path("following/", views.following, name="following"),
    path("follow/<str:kind>/<int:pk>/", views.follow, name="follow"),
    path("settings/", views.notification_settings, name="settings"),
    path("devices/", views.add_device, name="add_device"),
    path("devices/<int:pk>/remove/", views.remove_device, name="remove_device"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
