from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0002_crisis_care')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Report',
            index=Index(fields=['target_type', 'target_id']),
        ),
    ]
