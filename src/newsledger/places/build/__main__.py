"""`python -m newsledger.places.build`: build the gazetteer index."""
import sys

from . import main

sys.exit(main())
