"""Plain SQL for the few small reads every signed-in request makes.

The member, the bell's count, the member's likes and follows on the page:
each is one row or a few found through an index, which PostgreSQL answers in
a fraction of a millisecond. Through the ORM, building and compiling each of
these queries cost more processor time than the rest of its work together
(0.3–0.45 ms a query on this project's benchmark machine, measured in pairs
of requests in one process: docs/architecture.md, "Members' pages").
A `Statement` is written once, with the model's field names in braces; it
is turned into SQL with the quoted table and column names once per process
and database, and then only run.

    unread = Statement(
        Notification,
        "SELECT COUNT(*) FROM {table} WHERE {recipient} = %s AND {read_at} IS NULL",
    )
    unread.value([user.pk])

`{table}` is the model's table, `{columns}` every concrete column (for
`instances()`), `{name}` a field's column, and `{many}` as many `%s` as
`many` values given (for `IN ({many})`). On PostgreSQL each is a prepared
statement once it has run a few times on a connection (`_cursor`).
Anything that is not one of these small hot reads belongs in QuerySet
methods.
"""

import re
import string

from django.db import connections, router
from django.db.backends.postgresql.base import ServerBindingCursor

FORMATTER = string.Formatter()


class Statement:
    def __init__(self, model, template: str):
        self.model = model
        self.template = template
        self._sql: dict[tuple[str, int], str] = {}
        self._converters: dict[str, list] = {}

    def sql(self, connection, many: int = 0) -> str:
        key = (connection.alias, many)
        if key not in self._sql:
            self._sql[key] = self._compose(connection, many)
        return self._sql[key]

    def _compose(self, connection, many: int) -> str:
        opts = self.model._meta
        quote = connection.ops.quote_name
        names = {}
        for _, name, _, _ in FORMATTER.parse(self.template):
            if name is None or name in names:
                continue
            if name == "table":
                names[name] = quote(opts.db_table)
            elif name == "columns":
                names[name] = ", ".join(
                    quote(field.column) for field in opts.concrete_fields
                )
            elif name == "many":
                if many < 1:
                    raise ValueError("an IN list needs at least one value")
                names[name] = ", ".join(["%s"] * many)
            elif re.fullmatch(r"[a-z_]+", name):
                names[name] = quote(opts.get_field(name).column)
            else:
                raise ValueError(f"not a name this statement knows: {name!r}")
        return self.template.format_map(names)

    def _run(self, params: list, many: list | None = None) -> tuple:
        connection = connections[router.db_for_read(self.model)]
        values = list(params) + list(many or ())
        with _cursor(connection) as cursor:
            cursor.execute(self.sql(connection, len(many or ())), values)
            return connection, cursor.fetchall()

    def execute(self, params: list) -> int:
        """Run a statement that returns no rows (an upsert); the rows changed."""
        connection = connections[router.db_for_write(self.model)]
        with _cursor(connection) as cursor:
            cursor.execute(self.sql(connection), list(params))
            return cursor.rowcount

    def rows(self, params: list, many: list | None = None) -> list[tuple]:
        return self._run(params, many)[1]

    def value(self, params: list):
        """The first column of the first row, or None."""
        rows = self.rows(params)
        return rows[0][0] if rows else None

    def column(self, params: list, many: list | None = None) -> list:
        return [row[0] for row in self.rows(params, many)]

    def instances(self, params: list) -> list:
        """Model instances, each as the ORM would load it (the same value
        converters, e.g. a JSON field's text into Python data)."""
        connection, rows = self._run(params)
        converters = self._field_converters(connection)
        fields = [field.attname for field in self.model._meta.concrete_fields]
        found = []
        for row in rows:
            values = list(row)
            for index, field, chain in converters:
                for convert in chain:
                    values[index] = convert(values[index], field, connection)
            found.append(self.model.from_db(connection.alias, fields, values))
        return found

    def _field_converters(self, connection) -> list:
        if connection.alias not in self._converters:
            table = self.model._meta.db_table
            converters = []
            for index, field in enumerate(self.model._meta.concrete_fields):
                column = field.get_col(table)
                chain = connection.ops.get_db_converters(
                    column
                ) + column.get_db_converters(connection)
                if chain:
                    converters.append((index, column, chain))
            self._converters[connection.alias] = converters
        return self._converters[connection.alias]


def _cursor(connection):
    """A cursor as `connection.cursor()` gives, which on PostgreSQL sends the
    parameters apart from the statement (psycopg's server-side binding), so
    psycopg prepares a statement it has run five times on a connection and
    PostgreSQL no longer parses and plans it: about half of its processor
    time for these statements. Django's cursors bind on the client, which
    makes every statement new to PostgreSQL.

    While queries are logged (DEBUG, a test counting them) the cursor is
    Django's own: its log reads the statement as bound on the client."""
    if connection.vendor != "postgresql" or connection.queries_logged:
        return connection.cursor()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        return connection.make_cursor(ServerBindingCursor(connection.connection))
