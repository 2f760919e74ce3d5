"""reikwijdte: decides how a Dutch youth-care case is reached under the Jeugdwet.

Policy makers write the rules in YAML (`rules/`); this package validates them, compiles them to
durable-rules, evaluates cases and explains every outcome with its legal source.
"""
