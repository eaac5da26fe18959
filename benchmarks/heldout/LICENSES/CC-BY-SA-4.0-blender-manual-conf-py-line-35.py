copyright = ': This page is licensed under a CC-BY-SA 4.0 Int. License'
