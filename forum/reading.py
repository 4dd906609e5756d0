"""How far each member has read each topic: the read marks behind the topic
list's "New" and "N unread" badges. The views read and move them only
through these functions."""

from core.statements import Statement

from .models import Topic, TopicReadState


def mark_read(user, topic: Topic, number: int) -> None:
    """Move the member's read mark forward (never back), in one statement
    that writes nothing when the mark is already that far.

    The guard (`WHERE NOT EXISTS`) is what makes a re-read free: without it
    PostgreSQL still locks the conflicting row for `DO UPDATE ... WHERE`,
    which takes a transaction id and flushes WAL at commit, on every view of
    a topic the member has read."""
    _move_read_mark.execute([user.pk, topic.pk, number] * 2)


_move_read_mark = Statement(
    TopicReadState,
    "INSERT INTO {table} ({user}, {topic}, {last_read_number}) "
    "SELECT %s, %s, %s WHERE NOT EXISTS ("
    "SELECT 1 FROM {table} WHERE {user} = %s AND {topic} = %s "
    "AND {last_read_number} >= %s) "
    "ON CONFLICT ({user}, {topic}) DO UPDATE "
    "SET {last_read_number} = excluded.{last_read_number} "
    "WHERE {table}.{last_read_number} < excluded.{last_read_number}",
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
