NAME        p0033
ROWS
 N  R100    
 L  p0033_row_R114
 L  p0033_row_R115
 L  p0033_row_R116
 L  p0033_row_R117
 L  p0033_row_R118
 L  p0033_row_R119
 L  p0033_row_R120
 L  p0033_row_R121
 L  p0033_row_R122
 L  p0033_row_R123
 L  p0033_row_R124
 L  p0033_row_R125
 L  p0033_row_R126
 L  p0033_row_R127
 L  p0033_row_R128
 L  p0033_row_ZBESTROW
COLUMNS
    MARK0000  'MARKER'                 'INTORG'
    p0033_column_C157  R100      171
    p0033_column_C157  p0033_row_R114  1
    p0033_column_C157  p0033_row_R122  -300
    p0033_column_C157  p0033_row_R123  -300
    p0033_column_C158  R100      171
    p0033_column_C158  p0033_row_R114  1
    p0033_column_C158  p0033_row_R126  -300
    p0033_column_C158  p0033_row_R127  -300
    p0033_column_C159  R100      171
    p0033_column_C159  p0033_row_R114  1
    p0033_column_C159  p0033_row_R119  300
    p0033_column_C159  p0033_row_R120  -300
    p0033_column_C159  p0033_row_R123  -300
    p0033_column_C160  R100      171
    p0033_column_C160  p0033_row_R114  1
    p0033_column_C160  p0033_row_R119  300
    p0033_column_C160  p0033_row_R120  -300
    p0033_column_C160  p0033_row_R121  -300
    p0033_column_C161  R100      163
    p0033_column_C161  p0033_row_R115  1
    p0033_column_C161  p0033_row_R119  285
    p0033_column_C161  p0033_row_R120  -285
    p0033_column_C161  p0033_row_R124  -285
    p0033_column_C161  p0033_row_R125  -285
    p0033_column_C162  R100      162
    p0033_column_C162  p0033_row_R115  1
    p0033_column_C162  p0033_row_R119  285
    p0033_column_C162  p0033_row_R120  -285
    p0033_column_C162  p0033_row_R122  -285
    p0033_column_C162  p0033_row_R123  -285
    p0033_column_C163  R100      163
    p0033_column_C163  p0033_row_R115  1
    p0033_column_C163  p0033_row_R128  -285
    p0033_column_C164  R100      69
    p0033_column_C164  p0033_row_R116  1
    p0033_column_C164  p0033_row_R119  265
    p0033_column_C164  p0033_row_R120  -265
    p0033_column_C164  p0033_row_R124  -265
    p0033_column_C164  p0033_row_R125  -265
    p0033_column_C165  R100      69
    p0033_column_C165  p0033_row_R116  1
    p0033_column_C165  p0033_row_R119  265
    p0033_column_C165  p0033_row_R120  -265
    p0033_column_C165  p0033_row_R122  -265
    p0033_column_C165  p0033_row_R123  -265
    p0033_column_C166  R100      183
    p0033_column_C166  p0033_row_R117  1
    p0033_column_C166  p0033_row_R118  -230
    p0033_column_C167  R100      183
    p0033_column_C167  p0033_row_R117  1
    p0033_column_C167  p0033_row_R124  -230
    p0033_column_C167  p0033_row_R125  -230
    p0033_column_C168  R100      183
    p0033_column_C168  p0033_row_R117  1
    p0033_column_C168  p0033_row_R119  230
    p0033_column_C168  p0033_row_R120  -230
    p0033_column_C168  p0033_row_R125  -230
    p0033_column_C169  R100      183
    p0033_column_C169  p0033_row_R117  1
    p0033_column_C169  p0033_row_R119  230
    p0033_column_C169  p0033_row_R120  -230
    p0033_column_C169  p0033_row_R123  -230
    p0033_column_C170  R100      49
    p0033_column_C170  p0033_row_R119  190
    p0033_column_C170  p0033_row_R120  -190
    p0033_column_C170  p0033_row_R122  -190
    p0033_column_C170  p0033_row_R123  -190
    p0033_column_C171  R100      183
    p0033_column_C171  p0033_row_R117  1
    p0033_column_C172  R100      258
    p0033_column_C172  p0033_row_R118  -200
    p0033_column_C173  R100      517
    p0033_column_C173  p0033_row_R118  -400
    p0033_column_C174  R100      250
    p0033_column_C174  p0033_row_R126  -200
    p0033_column_C174  p0033_row_R127  -200
    p0033_column_C175  R100      500
    p0033_column_C175  p0033_row_R126  -400
    p0033_column_C175  p0033_row_R127  -400
    p0033_column_C176  R100      250
    p0033_column_C176  p0033_row_R127  -200
    p0033_column_C177  R100      500
    p0033_column_C177  p0033_row_R127  -400
    p0033_column_C178  R100      159
    p0033_column_C178  p0033_row_R119  200
    p0033_column_C178  p0033_row_R120  -200
    p0033_column_C178  p0033_row_R124  -200
    p0033_column_C178  p0033_row_R125  -200
    p0033_column_C179  R100      318
    p0033_column_C179  p0033_row_R119  400
    p0033_column_C179  p0033_row_R120  -400
    p0033_column_C179  p0033_row_R124  -400
    p0033_column_C179  p0033_row_R125  -400
    p0033_column_C180  R100      159
    p0033_column_C180  p0033_row_R119  200
    p0033_column_C180  p0033_row_R120  -200
    p0033_column_C180  p0033_row_R125  -200
    p0033_column_C181  R100      318
    p0033_column_C181  p0033_row_R119  400
    p0033_column_C181  p0033_row_R120  -400
    p0033_column_C181  p0033_row_R125  -400
    p0033_column_C182  R100      159
    p0033_column_C182  p0033_row_R119  200
    p0033_column_C182  p0033_row_R120  -200
    p0033_column_C182  p0033_row_R122  -200
    p0033_column_C182  p0033_row_R123  -200
    p0033_column_C183  R100      318
    p0033_column_C183  p0033_row_R119  400
    p0033_column_C183  p0033_row_R120  -400
    p0033_column_C183  p0033_row_R122  -400
    p0033_column_C183  p0033_row_R123  -400
    p0033_column_C184  R100      159
    p0033_column_C184  p0033_row_R119  200
    p0033_column_C184  p0033_row_R120  -200
    p0033_column_C184  p0033_row_R123  -200
    p0033_column_C185  R100      318
    p0033_column_C185  p0033_row_R119  400
    p0033_column_C185  p0033_row_R120  -400
    p0033_column_C185  p0033_row_R123  -400
    p0033_column_C186  R100      114
    p0033_column_C186  p0033_row_R119  200
    p0033_column_C186  p0033_row_R120  -200
    p0033_column_C186  p0033_row_R121  -200
    p0033_column_C187  R100      228
    p0033_column_C187  p0033_row_R119  400
    p0033_column_C187  p0033_row_R120  -400
    p0033_column_C187  p0033_row_R121  -400
    p0033_column_C188  R100      159
    p0033_column_C188  p0033_row_R128  -200
    p0033_column_C189  R100      318
    p0033_column_C189  p0033_row_R128  -400
    MARK0001  'MARKER'                 'INTEND'
RHS
    RHS_V     p0033_row_R114  1
    RHS_V     p0033_row_R115  1
    RHS_V     p0033_row_R116  1
    RHS_V     p0033_row_R117  1
    RHS_V     p0033_row_R118  -5
    RHS_V     p0033_row_R119  2700
    RHS_V     p0033_row_R120  -2600
    RHS_V     p0033_row_R121  -100
    RHS_V     p0033_row_R122  -900
    RHS_V     p0033_row_R123  -1656
    RHS_V     p0033_row_R124  -335
    RHS_V     p0033_row_R125  -1026
    RHS_V     p0033_row_R126  -5
    RHS_V     p0033_row_R127  -500
    RHS_V     p0033_row_R128  -270
BOUNDS
 BV BOUND     p0033_column_C157
 BV BOUND     p0033_column_C158
 BV BOUND     p0033_column_C159
 BV BOUND     p0033_column_C160
 BV BOUND     p0033_column_C161
 BV BOUND     p0033_column_C162
 BV BOUND     p0033_column_C163
 BV BOUND     p0033_column_C164
 BV BOUND     p0033_column_C165
 BV BOUND     p0033_column_C166
 BV BOUND     p0033_column_C167
 BV BOUND     p0033_column_C168
 BV BOUND     p0033_column_C169
 BV BOUND     p0033_column_C170
 BV BOUND     p0033_column_C171
 BV BOUND     p0033_column_C172
 BV BOUND     p0033_column_C173
 BV BOUND     p0033_column_C174
 BV BOUND     p0033_column_C175
 BV BOUND     p0033_column_C176
 BV BOUND     p0033_column_C177
 BV BOUND     p0033_column_C178
 BV BOUND     p0033_column_C179
 BV BOUND     p0033_column_C180
 BV BOUND     p0033_column_C181
 BV BOUND     p0033_column_C182
 BV BOUND     p0033_column_C183
 BV BOUND     p0033_column_C184
 BV BOUND     p0033_column_C185
 BV BOUND     p0033_column_C186
 BV BOUND     p0033_column_C187
 BV BOUND     p0033_column_C188
 BV BOUND     p0033_column_C189
ENDATA
