"""Words that mean the same to families, which the council edits in the admin: a search for
one finds services described with any of them ("respite" finds "short breaks")."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ..keywords import group_phrases, phrase_of, tokens

MAX_PHRASES = 10  # in a group: each is searched for whenever any of them is
MAX_PHRASE_WORDS = 5
MAX_PHRASE_CHARS = 60
EXAMPLE = "like: respite, short break"
ENTER_WORDS = f"Enter the words or phrases that mean the same, separated by commas, {EXAMPLE}"


class SynonymGroup(models.Model):
    """A group of words or phrases that mean the same, such as "respite, short break"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    words = models.TextField(
        "words or phrases",
        help_text=f"Words or phrases that mean the same, separated by commas, {EXAMPLE}. "
        "A search for any of them finds services described with any of them.",
        error_messages={"blank": ENTER_WORDS},
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["words"]
        verbose_name = "group of words that mean the same"
        verbose_name_plural = "words that mean the same"

    def __str__(self):
        return self.words if len(self.words) <= 80 else f"{self.words[:79]}…"

    def clean(self):
        super().clean()
        written, seen = [], set()
        for text in group_phrases(self.words or ""):
            if text.casefold() not in seen:  # once, as first written
                seen.add(text.casefold())
                written.append(text)
        if not written:
            if (self.words or "").strip():  # (an empty field has the field's own error)
                raise ValidationError({"words": ENTER_WORDS})
            return
        problems = []
        phrases = {}  # phrase (stems) -> as written
        for text in written:
            phrase_words = tokens(text)
            if not phrase_words:
                problems.append(f"“{text}” must include a letter or a number")
            elif len(phrase_words) > MAX_PHRASE_WORDS:
                problems.append(f"“{text}” must be {MAX_PHRASE_WORDS} words or fewer")
            elif len(text) > MAX_PHRASE_CHARS:
                problems.append(
                    f"“{text[:MAX_PHRASE_CHARS]}…” must be {MAX_PHRASE_CHARS} characters or fewer"
                )
            else:
                phrases.setdefault(phrase_of(phrase_words), text)
        if len(written) > MAX_PHRASES:
            problems.append(f"Enter {MAX_PHRASES} words or phrases or fewer")
        elif not problems and len(written) < 2:
            problems.append(f"Enter at least 2 words or phrases, separated by commas, {EXAMPLE}")
        elif not problems and len(phrases) < 2:
            problems.append(
                "Enter at least 2 different words or phrases. Search already finds other forms "
                "of a word, such as “carers” for “carer”"
            )
        others = type(self)._default_manager.exclude(pk=self.pk).values_list("words", flat=True)
        taken = set()
        for other in others:
            for other_text in group_phrases(other):
                other_words = tokens(other_text)
                mine = phrases.get(phrase_of(other_words)) if other_words else None
                if mine is not None and mine not in taken:
                    taken.add(mine)
                    problems.append(
                        f"“{mine}” is already in another group ({other}). Each word or phrase "
                        "can be in one group only"
                    )
        if problems:
            raise ValidationError({"words": problems})
        self.words = ", ".join(written)
