"""Issue 8, welcome and notifications: rooms a member follows (with their last visit), threads
they have read, notification settings; when they agreed to the guidelines, when each RSVP was
reminded, when a reporter was told their report was reviewed.

Made with ``makemigrations``. The added columns are nullable, so SQLite adds them in place
(``ALTER TABLE ... ADD COLUMN``): no table is rebuilt. Going back, Tortoise's ``RemoveField``
would rebuild the table on SQLite (copy, ``DROP TABLE users``, rename), and with foreign keys on
dropping ``users`` cascades to every post; ``AddColumn`` drops just the column instead, as
0006 does. Members who joined before this migration have not agreed to the guidelines yet and
are asked once, before they next post.
"""
from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields


class AddColumn(ops.AddField):
    """``AddField`` whose way back drops the column in place instead of rebuilding the table."""

    def __init__(self, table: str, **kwargs):
        super().__init__(**kwargs)
        self.table = table

    async def database_backward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor:
            await state_editor._run_sql(f'ALTER TABLE "{self.table}" DROP COLUMN "{self.name}"')


class Migration(migrations.Migration):
    dependencies = [('models', '0007_reactions')]

    initial = False

    operations = [
        ops.CreateModel(
            name='NotificationSettings',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notification_settings', on_delete=OnDelete.CASCADE)),
                ('off', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('quiet_start', fields.IntField(null=True)),
                ('quiet_end', fields.IntField(null=True)),
                ('time_zone', fields.CharField(default='UTC', max_length=64)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'notification_settings', 'app': 'models', 'pk_attr': 'id', 'table_description': "A member's notification choices. No row: every kind on, no quiet hours, UTC."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RoomFollow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='follows', on_delete=OnDelete.CASCADE)),
                ('room', fields.ForeignKeyField('models.Room', source_field='room_id', db_constraint=True, to_field='id', related_name='followers', on_delete=OnDelete.CASCADE)),
                ('last_visited_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'room_follows', 'app': 'models', 'unique_together': (('user', 'room'),), 'pk_attr': 'id', 'table_description': 'A member follows a room: it comes first on their home page, with what is new since'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ThreadRead',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='thread_reads', on_delete=OnDelete.CASCADE)),
                ('thread', fields.ForeignKeyField('models.Thread', source_field='thread_id', db_constraint=True, to_field='id', related_name='reads', on_delete=OnDelete.CASCADE)),
                ('read_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'thread_reads', 'app': 'models', 'unique_together': (('user', 'thread'),), 'pk_attr': 'id', 'table_description': 'When a member last opened a thread: the room page marks threads with activity since.'},
            bases=['Model'],
        ),
        AddColumn(
            table='reports',
            model_name='Report',
            name='outcome_notified_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddColumn(
            table='rsvps',
            model_name='Rsvp',
            name='reminded_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddColumn(
            table='rsvps',
            model_name='Rsvp',
            name='started_notified_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddColumn(
            table='users',
            model_name='User',
            name='guidelines_agreed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
