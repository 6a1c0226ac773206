# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled twin of ``_sales_xml._collect``: the raw values of every sale, read in C.

The Python walker creates an lxml proxy object and a tag string for each of the ~700,000
elements of a 10,000-sale page, and that is most of its cost. Here the libxml2 tree that lxml
built is walked directly: only the texts we keep become Python objects. The result is exactly
the Python walker's (``tests/api/test_compiled_walker.py`` compares them on every fixture
and on generated documents); ``_sales_xml`` falls back to the Python walker when this module
was not built.
"""

from cpython.datetime cimport datetime_new, import_datetime
from cpython.ref cimport PyObject
from libc.string cimport strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, import_lxml__etree

from rakuten_assist.api._xml import PARIS, parse_date

import_lxml__etree()
import_datetime()

cdef extern from "Python.h":
    object PyUnicode_DecodeUTF8(const char* s, Py_ssize_t size, const char* errors)

# Kinds of container, as in _sales_xml (the values are checked when _sales_xml imports us).
cdef enum:
    SALE = 0
    ADDRESS = 1
    RELAY = 2
    ITEM = 3
    MONEY = 4
    SALE_LEAF = 5
    SKU = 6
    DATE = 7
    NOT_A_CONTAINER = -1

#: the kind numbers above, in _sales_xml's order; it uses this module only if they agree
KINDS = (SALE, ADDRESS, RELAY, ITEM, MONEY, SALE_LEAF, SKU, DATE)

# Which leaf map is current: none, an item's or an address's.
cdef enum:
    NO_LEAVES = 0
    ITEM_LEAVES = 1
    ADDRESS_LEAVES = 2

# What a tag name means; names are interned by libxml2, so a cache keyed by the name pointer
# resolves nearly every element without building its name as a Python string.
cdef struct TagInfo:
    const tree.xmlChar* name
    PyObject* item_key
    PyObject* address_key
    int kind
    PyObject* container_key

cdef enum:
    CACHE_BITS = 10
    CACHE_SIZE = 1 << CACHE_BITS


cdef class _Tags:
    """The tag tables of ``_sales_xml``, and a per-walk cache of name pointers."""

    cdef dict containers
    cdef dict item_leaves
    cdef dict address_leaves
    # The keys it points to belong to the tables above, which this object keeps alive.
    cdef TagInfo cache[CACHE_SIZE]

    def __cinit__(self, dict containers, dict item_leaves, dict address_leaves):
        self.containers = containers
        self.item_leaves = item_leaves
        self.address_leaves = address_leaves
        cdef int i
        for i in range(CACHE_SIZE):
            self.cache[i].name = NULL

    cdef TagInfo resolve(self, const tree.xmlChar* name):
        # Fibonacci hashing of the pointer, then linear probing: names interned next to each
        # other in libxml2's pool would collide on their low bits.
        cdef size_t slot = ((<size_t>name) * <size_t>11400714819323198485ULL) >> (64 - CACHE_BITS)
        cdef int probes = 0
        cdef TagInfo info
        while self.cache[slot].name != NULL and probes < CACHE_SIZE:
            if self.cache[slot].name == name:
                return self.cache[slot]
            slot = (slot + 1) & (CACHE_SIZE - 1)
            probes += 1
        text = PyUnicode_DecodeUTF8(<const char*>name, strlen(<const char*>name), NULL)
        item_key = self.item_leaves.get(text)
        address_key = self.address_leaves.get(text)
        spec = self.containers.get(text)
        info.name = name
        info.item_key = <PyObject*>item_key if item_key is not None else NULL
        info.address_key = <PyObject*>address_key if address_key is not None else NULL
        if spec is None:
            info.kind = NOT_A_CONTAINER
            info.container_key = NULL
        else:
            info.kind = spec[0]
            info.container_key = <PyObject*>spec[1]
        if probes < CACHE_SIZE:  # a full table only means no caching for new names
            self.cache[slot] = info
        return info


cdef inline tree.xmlNode* _text_node_or_skip(tree.xmlNode* node) noexcept:
    """The node itself when it holds text, past XInclude markers, or NULL (as lxml does)."""
    while node is not NULL:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            return node
        if node.type == tree.XML_XINCLUDE_START or node.type == tree.XML_XINCLUDE_END:
            node = node.next
            continue
        return NULL
    return NULL


cdef object _node_text(tree.xmlNode* element):
    """``element.text`` as lxml gives it: the leading text nodes joined, '' or None."""
    cdef tree.xmlNode* first = _text_node_or_skip(element.children)
    cdef tree.xmlNode* node = first
    cdef const tree.xmlChar* found = NULL
    cdef Py_ssize_t count = 0
    while node is not NULL:
        if node.content is not NULL and node.content[0] != 0:
            found = node.content
        count += 1
        node = _text_node_or_skip(node.next)
    if found is NULL:
        return "" if count > 0 else None
    if count == 1:
        return PyUnicode_DecodeUTF8(<const char*>found, strlen(<const char*>found), NULL)
    joined = b""
    node = first
    while node is not NULL:
        if node.content is not NULL:
            joined += <bytes>(<const char*>node.content)
        node = _text_node_or_skip(node.next)
    return joined.decode("utf-8")


cdef inline bint _ascii_space(unsigned char byte) noexcept:
    """What str.strip() removes among ASCII: tab to carriage return, 0x1C-0x1F and space."""
    return byte == 0x20 or 0x09 <= byte <= 0x0D or 0x1C <= byte <= 0x1F


cdef object _stripped_text(tree.xmlNode* element):
    """``(element.text or "").strip() or None``, without building what is thrown away."""
    cdef tree.xmlNode* first = _text_node_or_skip(element.children)
    cdef const unsigned char* start
    cdef Py_ssize_t size
    if first is NULL:
        return None
    if _text_node_or_skip(first.next) is not NULL:
        text = _node_text(element)  # several text nodes: rare, the general way
        return text.strip() or None
    if first.content is NULL:
        return None
    start = <const unsigned char*>first.content
    size = <Py_ssize_t>strlen(<const char*>start)
    while size > 0 and _ascii_space(start[0]):
        start += 1
        size -= 1
    while size > 0 and _ascii_space(start[size - 1]):
        size -= 1
    if size == 0:
        return None
    text = PyUnicode_DecodeUTF8(<const char*>start, size, NULL)
    if start[0] >= 0x80 or start[size - 1] >= 0x80:
        # It may begin or end with a non-ASCII space (no-break space...): str.strip() decides.
        return text.strip() or None
    return text


cdef inline int _digits(str text, Py_ssize_t start, Py_ssize_t end):
    """The ASCII digits text[start:end] as a number, or -1 when one is not a digit."""
    cdef int value = 0
    cdef Py_UCS4 code
    cdef Py_ssize_t i
    for i in range(start, end):
        code = text[i]
        if code < 48 or code > 57:
            return -1
        value = value * 10 + (<int>code - 48)
    return value


cdef object _date(str text):
    """``parse_date(text)``, with its usual ``dd/mm/yyyy-HH:MM`` shape read here."""
    cdef int day, month, year, hour, minute
    if len(text) == 16 and text[2] == "/" and text[5] == "/" and text[10] == "-":
        day = _digits(text, 0, 2)
        month = _digits(text, 3, 5)
        year = _digits(text, 6, 10)
        hour = _digits(text, 11, 13)
        minute = _digits(text, 14, 16)
        if day >= 0 and month >= 0 and year >= 0 and hour >= 0 and minute >= 0:
            try:
                return datetime_new(year, month, day, hour, minute, 0, 0, PARIS)
            except ValueError:
                return None
    return parse_date(text)  # any other shape, or digits int() reads and we do not


cdef bint _named(tree.xmlNode* node, const char* name) noexcept:
    """True for an element without namespace called ``name``."""
    cdef const char* own
    cdef size_t i = 0
    if node.type != tree.XML_ELEMENT_NODE or node.ns is not NULL:
        return False
    own = <const char*>node.name
    while own[i] != 0 and own[i] == name[i]:
        i += 1
    return own[i] == 0 and name[i] == 0


cdef tuple _money_texts(tree.xmlNode* element):
    """The stripped amount and currency (EUR when blank), as ``_sales_xml._money_texts``."""
    amount = None
    currency = None
    cdef tree.xmlNode* child = element.children
    while child is not NULL:
        if amount is None and _named(child, "amount"):
            amount = _node_text(child) or ""
        elif currency is None and _named(child, "currency"):
            currency = _node_text(child) or ""
        child = child.next
    return ((amount or "").strip(), (currency or "").strip() or "EUR")


def collect(
    _Element root not None,
    dict containers,
    dict item_leaves,
    dict address_leaves,
    on_sale not None,
):
    """Give ``on_sale`` the raw values of each sale, once the next one starts or at the end."""
    cdef _Tags tags = _Tags(containers, item_leaves, address_leaves)
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* node = top
    cdef TagInfo info
    cdef PyObject* leaf_key
    cdef int leaves = NO_LEAVES
    cdef bint in_sale = False
    cdef dict sale = {}
    cdef list items = []
    cdef dict target = {}
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and node.ns is NULL:
            info = tags.resolve(node.name)
            if leaves == ITEM_LEAVES:
                leaf_key = info.item_key
            elif leaves == ADDRESS_LEAVES:
                leaf_key = info.address_key
            else:
                leaf_key = NULL
            if leaf_key is not NULL:
                text = _stripped_text(node)
                if text is not None:
                    target[<object>leaf_key] = text
            elif info.kind == SALE:
                if in_sale:
                    on_sale(sale)
                items = []
                sale = {"items": items}
                in_sale = True
                leaves = NO_LEAVES
            elif info.kind == NOT_A_CONTAINER or not in_sale:
                pass
            elif info.kind == SALE_LEAF:
                text = _stripped_text(node)
                if text is not None and <object>info.container_key not in sale:
                    sale[<object>info.container_key] = text
            elif info.kind == DATE:
                text = _stripped_text(node)
                if text is not None and <object>info.container_key not in sale:
                    sale[<object>info.container_key] = _date(text)
            elif info.kind == SKU:
                # Kept exactly as sent, stray spaces included; only a blank SKU is left out.
                if leaves == ITEM_LEAVES and _stripped_text(node) is not None:
                    target[<object>info.container_key] = _node_text(node)
            elif info.kind == ITEM:
                target = {}
                items.append(target)
                leaves = ITEM_LEAVES
            elif info.kind == MONEY:
                if leaves == ITEM_LEAVES:
                    target[<object>info.container_key] = _money_texts(node)
            else:  # an address or a relay point
                target = {}
                sale[<object>info.container_key] = target
                leaves = ADDRESS_LEAVES
        # The next node in document order; only elements are descended into.
        if node.type == tree.XML_ELEMENT_NODE and node.children is not NULL:
            node = node.children
            continue
        while node is not top and node.next is NULL:
            node = node.parent
        if node is top:
            break
        node = node.next
    if in_sale:
        on_sale(sale)
