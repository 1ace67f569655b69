"""Django's JSON serialization with times to the microsecond, for backups (`ops.backup`).

DjangoJSONEncoder cuts datetimes and times to milliseconds (the ECMA-262 form): a restored
instance would differ from the original, and revisions or log entries written within one
millisecond would tie where they were ordered. loaddata reads the full form with Django's plain
JSON deserializer, so only writing needs this.
"""

import datetime

from django.core.serializers import json
from django.core.serializers.json import DjangoJSONEncoder


class Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = Encoder


Deserializer = json.Deserializer
