rst_epilog= """

.. admonition:: Copyright Notice
   :class: caution
 
   This work is (being) adapted from on OpenStax Psychology 2e which is licensed under creative commons attribution 4.0 license. We license our work under a similar license.
   If you copy, adapt, remix or build up on work, you must give appropriate credit, provide a link to the license, and indicate if changes were made. 
   You may do so in any reasonable manner, 
   but not in any way that suggests the licensor endorses you or your use.
"""
