from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CheckIn',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('item', fields.ForeignKeyField('models.QueueItem', source_field='item_id', db_constraint=True, to_field='id', related_name='checkins', on_delete=OnDelete.CASCADE)),
                ('writer', fields.ForeignKeyField('models.User', source_field='writer_id', db_constraint=True, to_field='id', related_name='checkins_received', on_delete=OnDelete.CASCADE)),
                ('sender', fields.ForeignKeyField('models.User', source_field='sender_id', null=True, db_constraint=True, to_field='id', related_name='checkins_sent', on_delete=OnDelete.SET_NULL)),
                ('from_staff', fields.BooleanField(default=True)),
                ('body', fields.TextField(unique=False)),
                ('body_html', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'checkins', 'app': 'models', 'pk_attr': 'id', 'table_description': "A private message on a crisis item: a moderator's check-in, or the writer's answer."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='ChatMessage',
            name='content_note',
            field=fields.CharField(null=True, max_length=80),
        ),
        ops.AddField(
            model_name='Post',
            name='content_note',
            field=fields.CharField(null=True, max_length=80),
        ),
        ops.AddField(
            model_name='QueueItem',
            name='acked_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='QueueItem',
            name='acked_by',
            field=fields.ForeignKeyField('models.User', source_field='acked_by_id', null=True, db_constraint=True, to_field='id', related_name='queue_acked', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='QueueItem',
            name='escalate_at',
            field=fields.DatetimeField(null=True, db_index=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='QueueItem',
            name='escalated_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='QueueItem',
            name='tier',
            field=fields.CharField(null=True, max_length=16),
        ),
        ops.AddField(
            model_name='Room',
            name='crisis_hold',
            field=fields.CharField(default='imminent', max_length=16),
        ),
    ]
