import difflib

from django.core.management.base import BaseCommand

from forum.cooking import cook
from forum.models import Post

BATCH = 500


class Command(BaseCommand):
    help = (
        "Cook every post's Markdown again (after the parser or the sanitising "
        "policy changes). With --dry-run, only list the posts whose HTML would "
        "change."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Store nothing: list the posts whose HTML would change.",
        )
        parser.add_argument(
            "--diff",
            action="store_true",
            help="Also print each change as a diff of the stored and new HTML.",
        )

    def handle(self, *args, dry_run=False, diff=False, verbosity=1, **options):
        changed = total = 0
        last_pk = 0
        while True:
            batch = list(
                Post.objects.filter(pk__gt=last_pk)
                .order_by("pk")
                .only("pk", "topic_id", "number", "raw", "html")[:BATCH]
            )
            if not batch:
                break
            updated = []
            for post in batch:
                html, _mentions = cook(post.raw)
                if html != post.html:
                    self.report(post, html, diff, verbosity)
                    post.html = html
                    updated.append(post)
            if not dry_run:
                Post.objects.bulk_update(updated, ["html"])
            changed += len(updated)
            total += len(batch)
            last_pk = batch[-1].pk
        if dry_run:
            self.stdout.write(f"{total} posts cooked, {changed} would change.")
        else:
            self.stdout.write(f"{total} posts cooked, {changed} changed.")

    def report(self, post: Post, html: str, diff: bool, verbosity: int) -> None:
        if verbosity < 1 and not diff:
            return
        self.stdout.write(
            f"post {post.pk} (topic {post.topic_id}, #{post.number}) changes"
        )
        if diff:
            lines = difflib.unified_diff(
                post.html.splitlines(),
                html.splitlines(),
                fromfile=f"post {post.pk} stored",
                tofile=f"post {post.pk} cooked now",
                lineterm="",
            )
            self.stdout.write("\n".join(lines))
