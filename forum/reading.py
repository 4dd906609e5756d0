"""How far each member has read each topic: the read marks behind the topic
list's "New" and "N unread" badges. The views read and move them only
through these functions."""

from django.db import connection

from .models import Topic, TopicReadState


def mark_read(user, topic: Topic, number: int) -> None:
    """Move the member's read mark forward (never back), in one statement
    that writes nothing when the mark is already that far.

    The guard (`WHERE NOT EXISTS`) is what makes a re-read free: without it
    PostgreSQL still locks the conflicting row for `DO UPDATE ... WHERE`,
    which takes a transaction id and flushes WAL at commit, on every view of
    a topic the member has read."""
    table = connection.ops.quote_name(TopicReadState._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, topic_id, last_read_number) "  # noqa: S608 - the model's own table name
            "SELECT %s, %s, %s WHERE NOT EXISTS ("
            f"SELECT 1 FROM {table} WHERE user_id = %s AND topic_id = %s "
            "AND last_read_number >= %s) "
            "ON CONFLICT (user_id, topic_id) DO UPDATE "
            "SET last_read_number = excluded.last_read_number "
            f"WHERE {table}.last_read_number < excluded.last_read_number",
            [user.pk, topic.pk, number] * 2,
        )


def mark_topic_read(user, topic: Topic) -> None:
    """Everything in the topic so far counts as read (the topic list's "Mark
    as read"), without opening it."""
    mark_read(user, topic, topic.post_count)


def show_unread(user, topics) -> None:
    """Set `is_new` and `unread` (posts since the member's read mark, None
    for a topic never opened) on each of `topics`, in one query."""
    if not user.is_authenticated:
        return
    read = dict(
        TopicReadState.objects.filter(
            user=user, topic__in=[topic.pk for topic in topics]
        ).values_list("topic_id", "last_read_number")
    )
    for topic in topics:
        last_read = read.get(topic.pk)
        topic.unread = None if last_read is None else topic.post_count - last_read
        topic.is_new = last_read is None
