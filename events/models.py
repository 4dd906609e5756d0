"""Events: workshops, trainings, webinars and meetings on national, regional
and network calendars."""
