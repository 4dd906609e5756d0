"""The forum's views, reached through the routes of forum/urls.py (under the
forum index page, see there). They stay thin: who may do what is
forum.access, the work is forum.posting, forum.moderation, forum.reading and
forum.redaction, and a refusal is shown with core.refusals.

- common.py: the page around every view, finding the forum and topic read;
- topics.py: forum list, topic list, topic, new topic, reply, topic actions;
- posts.py: the actions on one post;
- composer.py: the composer's preview, @mention suggestions, form handling;
- moderation.py: the moderators' review queue.
"""
