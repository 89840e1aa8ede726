"""Full-text search (issue 8): the index table for this database, filled from existing posts.

SQLite gets an FTS5 table, PostgreSQL a table with a stored tsvector and a GIN index;
``server.search.index`` holds the SQL for both, shared with the actions that keep it in step.
"""
from tortoise import migrations
from tortoise.migrations import operations as ops


async def build_index(apps, schema_editor):
    from server.search import index

    await index.build(schema_editor.client)


async def drop_index(apps, schema_editor):
    from server.search import index

    await index.drop(schema_editor.client)


class Migration(migrations.Migration):
    dependencies = [('models', '0004_recovery_codes')]

    initial = False

    operations = [
        ops.RunPython(build_index, reverse_code=drop_index),
    ]
