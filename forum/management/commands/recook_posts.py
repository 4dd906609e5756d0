from django.core.management.base import BaseCommand

from forum.cooking import cook
from forum.models import Post

BATCH = 500


class Command(BaseCommand):
    help = "Cook every post's Markdown again (after the sanitising policy changes)."

    def handle(self, *args, **options):
        changed = total = 0
        last_pk = 0
        while True:
            batch = list(
                Post.objects.filter(pk__gt=last_pk)
                .order_by("pk")
                .only("pk", "raw", "html")[:BATCH]
            )
            if not batch:
                break
            updated = []
            for post in batch:
                html, _mentions = cook(post.raw)
                if html != post.html:
                    post.html = html
                    updated.append(post)
            Post.objects.bulk_update(updated, ["html"])
            changed += len(updated)
            total += len(batch)
            last_pk = batch[-1].pk
        self.stdout.write(f"{total} posts cooked, {changed} changed.")
