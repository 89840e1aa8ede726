from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0006_drop_reply_count')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Reaction',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='reactions', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=16)),
                ('post', fields.ForeignKeyField('models.Post', source_field='post_id', null=True, db_constraint=True, to_field='id', related_name='reactions', on_delete=OnDelete.CASCADE)),
                ('message', fields.ForeignKeyField('models.ChatMessage', source_field='message_id', null=True, db_constraint=True, to_field='id', related_name='reactions', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'reactions', 'app': 'models', 'unique_together': (('user', 'post', 'kind'), ('user', 'message', 'kind')), 'indexes': [Index(fields=['post_id', 'kind']), Index(fields=['message_id', 'kind'])], 'pk_attr': 'id', 'table_description': "One member's reaction of one kind on one post or one chat message (exactly one of the two)."},
            bases=['Model'],
        ),
    ]
