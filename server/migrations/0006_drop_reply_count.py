"""Drop threads.reply_count (issue 11): reply counts are derived per viewer in
``server.access.reply_counts``; nothing has read or written the stored column since.

Made with ``makemigrations``, then the database step replaced: on SQLite Tortoise's
``RemoveField`` rebuilds the table (create a copy, ``DROP TABLE threads``, rename), and with
foreign keys on, dropping ``threads`` cascades to every post, and the copy loses the index on
``last_activity_at``. ``ALTER TABLE ... DROP COLUMN`` (SQLite 3.35+, PostgreSQL) drops only
the column. The migration state is ``RemoveField``'s, so models and migrations still agree.
"""
from tortoise import migrations
from tortoise.migrations import operations as ops


class DropColumn(ops.RemoveField):
    """``RemoveField`` that drops the column in place instead of rebuilding the table."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor:
            await state_editor._run_sql('ALTER TABLE "threads" DROP COLUMN "reply_count"')

    async def database_backward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor:
            await state_editor._run_sql('ALTER TABLE "threads" ADD COLUMN "reply_count" INT NOT NULL DEFAULT 0')


class Migration(migrations.Migration):
    dependencies = [('models', '0005_search')]

    initial = False

    operations = [
        DropColumn(model_name='Thread', name='reply_count'),
    ]
