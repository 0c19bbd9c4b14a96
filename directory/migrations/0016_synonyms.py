"""Words that mean the same to families (directory.models.SynonymGroup), started with a list
for short breaks and SEND that the council edits in the admin. Each group holds true
equivalents only: a search for any of its words finds services described with any of them.
Forms of one word need no group (search finds "carers" for "carer", "Down's" for "Down")."""

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

# Written as an officer would see them in the admin.
SEEDED = (
    "respite, respite care, short break, short breaks",
    "autism, autistic, ASD, ASC, autism spectrum disorder, autistic spectrum condition",
    "ADHD, attention deficit, attention deficit hyperactivity disorder",
    "babysitting, babysitter, baby sitting, sitter, sitting service, home sitting",
    "sleepover, overnight, overnight stay, overnight break, residential break",
    "holiday club, holiday scheme, holiday playscheme, playscheme, play scheme",
    "after school, afterschool",
    "youth club, youth group",
    "wheelchair, wheelchair user, wheelchair users, wheelchair accessible, wheelchair access",
    "SEN, SEND, special needs, special educational needs, "
    "special educational needs and disabilities, additional needs",
    "learning disability, learning disabilities, learning difficulty, learning difficulties",
    "PMLD, profound and multiple learning difficulties, "
    "profound and multiple learning disabilities",
    "MLD, moderate learning difficulty, moderate learning difficulties",
    "SLD, severe learning difficulty, severe learning difficulties",
    "SpLD, specific learning difficulty, specific learning difficulties",
    "SLCN, speech and language, speech language and communication needs",
    "SEMH, social emotional and mental health",
    "MSI, multi-sensory impairment, multisensory impairment, deafblind",
    "deaf, hearing impairment, hearing impaired, hearing loss",
    "visual impairment, vision impairment, visually impaired, sight loss, blind, partially sighted",
    "complex health needs, complex medical needs",
    "personal assistant, personal assistants, PA",
    "befriending, befriender, buddying, buddy",
    "child, children, kids",
    "teenager, teenagers, teen, teens",
)


def create_synonyms(apps, schema_editor):
    """Start every council with the list; officers edit it in the admin. Idempotent."""
    SynonymGroup = apps.get_model("directory", "SynonymGroup")
    for words in SEEDED:
        SynonymGroup.objects.get_or_create(words=words)


def delete_synonyms(apps, schema_editor):
    """Back: the seeded groups go, as long as no one has changed them."""
    apps.get_model("directory", "SynonymGroup").objects.filter(words__in=SEEDED).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0015_council_search_radius"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SynonymGroup",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "words",
                    models.TextField(
                        error_messages={
                            "blank": "Enter the words or phrases that mean the same, separated by commas, like: respite, short break"
                        },
                        help_text="Words or phrases that mean the same, separated by commas, like: respite, short break. A search for any of them finds services described with any of them.",
                        verbose_name="words or phrases",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "group of words that mean the same",
                "verbose_name_plural": "words that mean the same",
                "ordering": ["words"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSynonymGroup",
            fields=[
                ("id", models.UUIDField(db_index=True, default=uuid.uuid4, editable=False)),
                (
                    "words",
                    models.TextField(
                        error_messages={
                            "blank": "Enter the words or phrases that mean the same, separated by commas, like: respite, short break"
                        },
                        help_text="Words or phrases that mean the same, separated by commas, like: respite, short break. A search for any of them finds services described with any of them.",
                        verbose_name="words or phrases",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical group of words that mean the same",
                "verbose_name_plural": "historical words that mean the same",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(create_synonyms, delete_synonyms),
    ]
