"""Redis as the shared cache, but the site stays up while Redis is away (restarted, failed over).

Everything kept in the cache can be made again: pages and reading views are rebuilt, the content
version starts anew, a lost "queued" marker or print lease at worst builds a file twice (both
store the same whole file, print.locks), and a rate limit lets a request through. So a cache
call that cannot reach Redis is logged and answered as a miss, instead of failing the page;
counts live in the database and stay exact. Once Redis answers again, so does the cache.
"""

from __future__ import annotations

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
AWAY = (RedisConnectionError, RedisTimeoutError)


def _or(fallback):
    """Call through; while Redis is away, log and answer `fallback(*args)` instead."""

    def wrap(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except AWAY as error:
                logger.warning(
                    "Redis away (%s): cache %s answered as a miss", error, method.__name__
                )
                return fallback(*args, **kwargs)

        return call

    return wrap


def _missing_key(*args, **kwargs):
    raise ValueError("Redis away: no such key")  # as incr on a missing key (rate limits: 1)


def _default(key, default=None, version=None):
    return default


class ForgivingRedisCache(RedisCache):
    get = _or(_default)(RedisCache.get)
    get_many = _or(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _or(lambda *a, **k: False)(RedisCache.has_key)
    # As if nobody else held the key: work is done twice rather than not at all.
    add = _or(lambda *a, **k: True)(RedisCache.add)
    set = _or(lambda *a, **k: None)(RedisCache.set)
    set_many = _or(lambda *a, **k: [])(RedisCache.set_many)
    touch = _or(lambda *a, **k: False)(RedisCache.touch)
    delete = _or(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _or(lambda *a, **k: None)(RedisCache.delete_many)
    incr = _or(_missing_key)(RedisCache.incr)
    clear = _or(lambda *a, **k: False)(RedisCache.clear)
