NAME          gas11.mps
ROWS
 N  object
 E  ro1
 E  ro2
 E  ro3
 E  ro4
 E  ro5
 E  ro6
 E  ro7
 E  ro8
 E  ro9
 E  ro10
 E  ro11
 E  ro12
 E  ro13
 E  ro14
 E  ro15
 E  ro16
 E  ro17
 E  ro18
 E  ro19
 E  ro20
 E  ro21
 E  ro22
 E  ro23
 E  ro24
 E  ro25
 E  ro26
 E  ro27
 E  ro28
 E  ro29
 E  ro30
 E  ro31
 E  ro32
 E  ro33
 E  ro34
 E  ro35
 E  ro36
 E  ro37
 E  ro38
 E  ro39
 E  ro40
 E  ro41
 E  ro42
 E  ro43
 E  ro44
 E  ro45
 E  ro46
 E  ro47
 E  ro48
 E  ro49
 E  ro50
 E  ro51
 E  ro52
 E  ro53
 E  ro54
 E  ro55
 E  ro56
 E  ro57
 E  ro58
 E  ro59
 E  ro60
 E  ro61
 E  ro62
 E  ro63
 E  ro64
 E  ro65
 E  ro66
 E  ro67
 E  ro68
 E  ro69
 E  ro70
 E  ro71
 E  ro72
 E  ro73
 E  ro74
 E  ro75
 E  ro76
 E  ro77
 E  ro78
 E  ro79
 E  ro80
 E  ro81
 E  ro82
 E  ro83
 E  ro84
 E  ro85
 E  ro86
 E  ro87
 E  ro88
 E  ro89
 E  ro90
 E  ro91
 E  ro92
 E  ro93
 E  ro94
 E  ro95
 E  ro96
 E  ro97
 E  ro98
 E  ro99
 E  ro100
 E  ro101
 E  ro102
 E  ro103
 E  ro104
 E  ro105
 E  ro106
 E  ro107
 E  ro108
 E  ro109
 E  ro110
 E  ro111
 E  ro112
 E  ro113
 E  ro114
 E  ro115
 E  ro116
 E  ro117
 E  ro118
 E  ro119
 E  ro120
 E  ro121
 E  ro122
 E  ro123
 E  ro124
 E  ro125
 E  ro126
 E  ro127
 E  ro128
 E  ro129
 E  ro130
 E  ro131
 E  ro132
 E  ro133
 E  ro134
 E  ro135
 E  ro136
 E  ro137
 E  ro138
 E  ro139
 E  ro140
 E  ro141
 E  ro142
 E  ro143
 E  ro144
 E  ro145
 E  ro146
 E  ro147
 E  ro148
 E  ro149
 E  ro150
 E  ro151
 E  ro152
 E  ro153
 E  ro154
 E  ro155
 E  ro156
 E  ro157
 E  ro158
 E  ro159
 E  ro160
 E  ro161
 E  ro162
 E  ro163
 E  ro164
 E  ro165
 E  ro166
 E  ro167
 E  ro168
 E  ro169
 E  ro170
 E  ro171
 E  ro172
 E  ro173
 E  ro174
 E  ro175
 E  ro176
 E  ro177
 E  ro178
 E  ro179
 E  ro180
 E  ro181
 E  ro182
 E  ro183
 E  ro184
 E  ro185
 E  ro186
 E  ro187
 E  ro188
 E  ro189
 E  ro190
 E  ro191
 E  ro192
 E  ro193
 E  ro194
 E  ro195
 E  ro196
 E  ro197
 E  ro198
 E  ro199
 E  ro200
 E  ro201
 E  ro202
 E  ro203
 E  ro204
 E  ro205
 E  ro206
 E  ro207
 E  ro208
 E  ro209
 E  ro210
 E  ro211
 E  ro212
 E  ro213
 E  ro214
 E  ro215
 E  ro216
 E  ro217
 E  ro218
 E  ro219
 E  ro220
 E  ro221
 E  ro222
 E  ro223
 E  ro224
 E  ro225
 E  ro226
 E  ro227
 E  ro228
 E  ro229
 E  ro230
 E  ro231
 E  ro232
 E  ro233
 E  ro234
 E  ro235
 E  ro236
 E  ro237
 E  ro238
 E  ro239
 E  ro240
 E  ro241
 E  ro242
 E  ro243
 E  ro244
 E  ro245
 E  ro246
 E  ro247
 E  ro248
 E  ro249
 E  ro250
 E  ro251
 E  ro252
 E  ro253
 E  ro254
 E  ro255
 E  ro256
 E  ro257
 E  ro258
 E  ro259
 E  ro260
 E  ro261
 E  ro262
 E  ro263
 E  ro264
 E  ro265
 E  ro266
 E  ro267
 E  ro268
 E  ro269
 E  ro270
 E  ro271
 E  ro272
 E  ro273
 E  ro274
 E  ro275
 E  ro276
 E  ro277
 E  ro278
 E  ro279
 E  ro280
 E  ro281
 E  ro282
 E  ro283
 E  ro284
 E  ro285
 E  ro286
 E  ro287
 E  ro288
 E  ro289
 E  ro290
 E  ro291
 E  ro292
 E  ro293
 E  ro294
 E  ro295
 E  ro296
 E  ro297
 E  ro298
 E  ro299
 E  ro300
 E  ro301
 E  ro302
 E  ro303
 E  ro304
 E  ro305
 E  ro306
 E  ro307
 E  ro308
 E  ro309
 E  ro310
 E  ro311
 E  ro312
 E  ro313
 E  ro314
 E  ro315
 E  ro316
 E  ro317
 E  ro318
 E  ro319
 E  ro320
 E  ro321
 E  ro322
 E  ro323
 E  ro324
 E  ro325
 E  ro326
 E  ro327
 E  ro328
 E  ro329
 E  ro330
 E  ro331
 E  ro332
 E  ro333
 E  ro334
 E  ro335
 E  ro336
 E  ro337
 E  ro338
 E  ro339
 E  ro340
 E  ro341
 E  ro342
 E  ro343
 E  ro344
 E  ro345
 E  ro346
 E  ro347
 E  ro348
 E  ro349
 E  ro350
 E  ro351
 E  ro352
 E  ro353
 E  ro354
 E  ro355
 E  ro356
 E  ro357
 E  ro358
 E  ro359
 E  ro360
 E  ro361
 E  ro362
 E  ro363
 E  ro364
 E  ro365
 E  ro366
 E  ro367
 E  ro368
 E  ro369
 E  ro370
 E  ro371
 E  ro372
 E  ro373
 E  ro374
 E  ro375
 E  ro376
 E  ro377
 E  ro378
 E  ro379
 E  ro380
 E  ro381
 E  ro382
 E  ro383
 E  ro384
 E  ro385
 E  ro386
 E  ro387
 E  ro388
 E  ro389
 E  ro390
 E  ro391
 E  ro392
 E  ro393
 E  ro394
 E  ro395
 E  ro396
 E  ro397
 E  ro398
 E  ro399
 E  ro400
 E  ro401
 E  ro402
 E  ro403
 E  ro404
 E  ro405
 E  ro406
 E  ro407
 E  ro408
 E  ro409
 E  ro410
 E  ro411
 E  ro412
 E  ro413
 E  ro414
 E  ro415
 E  ro416
 E  ro417
 E  ro418
 E  ro419
 E  ro420
 E  ro421
 E  ro422
 E  ro423
 E  ro424
 E  ro425
 E  ro426
 E  ro427
 E  ro428
 E  ro429
 E  ro430
 E  ro431
 E  ro432
 E  ro433
 E  ro434
 E  ro435
 E  ro436
 E  ro437
 E  ro438
 E  ro439
 E  ro440
 E  ro441
 E  ro442
 E  ro443
 E  ro444
 E  ro445
 E  ro446
 E  ro447
 E  ro448
 E  ro449
 E  ro450
 E  ro451
 E  ro452
 E  ro453
 E  ro454
 E  ro455
 E  ro456
 E  ro457
 E  ro458
 E  ro459
COLUMNS
    ek1       ro1             -35.18   ro2              35.18
    ek1       ro170              -1.   ro172              -.3
    ek1       ro173              1.4   object           -.001
    ek2       ro1             -35.18   ro2              35.18
    ek2       ro170              -1.   ro172              -.3
    ek2       ro173              1.4   object            .001
    ek3       ro3             -35.18   ro4              35.18
    ek3       ro175              -1.   ro177             -.16
    ek3       ro178              1.4   object           -.001
    ek4       ro3             -35.18   ro4              35.18
    ek4       ro175              -1.   ro177             -.16
    ek4       ro178              1.4   object            .001
    ek5       ro5             -35.18   ro6              35.18
    ek5       ro180              -1.   ro182            -.205
    ek5       ro183              1.4   object           -.001
    ek6       ro5             -35.18   ro6              35.18
    ek6       ro180              -1.   ro182            -.205
    ek6       ro183              1.4   object            .001
    ek7       ro7             -35.18   ro8              35.18
    ek7       ro185              -1.   ro187             -.21
    ek7       ro188              1.4   object           -.001
    ek8       ro7             -35.18   ro8              35.18
    ek8       ro185              -1.   ro187             -.21
    ek8       ro188              1.4   object            .001
    ek9       ro9             -35.18   ro10             35.18
    ek9       ro190              -1.   ro192             -.32
    ek9       ro193              1.4   object           -.001
    ek10      ro9             -35.18   ro10             35.18
    ek10      ro190              -1.   ro192             -.32
    ek10      ro193              1.4   object            .001
    ek11      ro11            -35.18   ro12             35.18
    ek11      ro195              -1.   ro197             -.01
    ek11      ro198              1.4   object           -.001
    ek12      ro11            -35.18   ro12             35.18
    ek12      ro195              -1.   ro197             -.01
    ek12      ro198              1.4   object            .001
    ek13      ro13            -35.18   ro14             35.18
    ek13      ro200              -1.   ro202            -.012
    ek13      ro203              1.4   object           -.001
    ek14      ro13            -35.18   ro14             35.18
    ek14      ro200              -1.   ro202            -.012
    ek14      ro203              1.4   object            .001
    ek15      ro15            -35.18   ro16             35.18
    ek15      ro205              -1.   ro207            -.205
    ek15      ro208              1.4   object           -.001
    ek16      ro15            -35.18   ro16             35.18
    ek16      ro205              -1.   ro207            -.205
    ek16      ro208              1.4   object            .001
    ek17      ro17            -35.18   ro18             35.18
    ek17      ro210              -1.   ro212             -.21
    ek17      ro213              1.4   object           -.001
    ek18      ro17            -35.18   ro18             35.18
    ek18      ro210              -1.   ro212             -.21
    ek18      ro213              1.4   object            .001
    ek19      ro18            -35.18   ro19             35.18
    ek19      ro215              -1.   ro217             -.12
    ek19      ro218              1.4   object           -.001
    ek20      ro18            -35.18   ro19             35.18
    ek20      ro215              -1.   ro217             -.12
    ek20      ro218              1.4   object            .001
    ek21      ro20            -35.18   ro21             35.18
    ek21      ro220              -1.   ro222              -.5
    ek21      ro223              1.4   object           -.001
    ek22      ro20            -35.18   ro21             35.18
    ek22      ro220              -1.   ro222              -.5
    ek22      ro223              1.4   object            .001
    ek23      ro22            -35.18   ro23             35.18
    ek23      ro225              -1.   ro227            -.185
    ek23      ro228              1.4   object           -.001
    ek24      ro22            -35.18   ro23             35.18
    ek24      ro225              -1.   ro227            -.185
    ek24      ro228              1.4   object            .001
    ek25      ro24            -35.18   ro25             35.18
    ek25      ro230              -1.   ro232              -.1
    ek25      ro233              1.4   object           -.001
    ek26      ro24            -35.18   ro25             35.18
    ek26      ro230              -1.   ro232              -.1
    ek26      ro233              1.4   object            .001
    ek27      ro24            -35.18   ro26             35.18
    ek27      ro235              -1.   ro237              -.1
    ek27      ro238              1.4   object           -.001
    ek28      ro24            -35.18   ro26             35.18
    ek28      ro235              -1.   ro237              -.1
    ek28      ro238              1.4   object            .001
    ek29      ro27            -35.18   ro28             35.18
    ek29      ro240              -1.   ro242            -.295
    ek29      ro243              1.4   object           -.001
    ek30      ro27            -35.18   ro28             35.18
    ek30      ro240              -1.   ro242            -.295
    ek30      ro243              1.4   object            .001
    ek31      ro29            -35.18   ro30             35.18
    ek31      ro245              -1.   ro247             -.24
    ek31      ro248              1.4   object           -.001
    ek32      ro29            -35.18   ro30             35.18
    ek32      ro245              -1.   ro247             -.24
    ek32      ro248              1.4   object            .001
    ek33      ro31            -35.18   ro32             35.18
    ek33      ro249       -1.2498E-9   ro250              -1.
    ek33      object           -.001
    ek34      ro31            -35.18   ro32             35.18
    ek34      ro249       -1.2498E-9   ro250              -1.
    ek34      object            .001
    ek35      ro12            -35.18   ro33             35.18
    ek35      ro251       -3.8447E-9   ro252              -1.
    ek35      object           -.001
    ek36      ro12            -35.18   ro33             35.18
    ek36      ro251       -3.8447E-9   ro252              -1.
    ek36      object            .001
    ek37      ro14            -35.18   ro33             35.18
    ek38      ro14            -35.18   ro33             35.18
    ek39      ro34            -35.18   ro35             35.18
    ek39      ro254        -8.058E-9   ro255              -1.
    ek39      object           -.001
    ek40      ro34            -35.18   ro35             35.18
    ek40      ro254        -8.058E-9   ro255              -1.
    ek40      object            .001
    ek41      ro16            -35.18   ro36             35.18
    ek41      ro256       -1.9604E-9   ro257              -1.
    ek41      object           -.001
    ek42      ro16            -35.18   ro36             35.18
    ek42      ro256       -1.9604E-9   ro257              -1.
    ek42      object            .001
    ek43      ro37            -35.18   ro38             35.18
    ek43      ro258         -9.99E-9   ro259              -1.
    ek43      object           -.001
    ek44      ro37            -35.18   ro38             35.18
    ek44      ro258         -9.99E-9   ro259              -1.
    ek44      object            .001
    ek45      ro39            -35.18   ro40             35.18
    ek45      ro260        -.9999E-9   ro261              -1.
    ek45      object           -.001
    ek46      ro39            -35.18   ro40             35.18
    ek46      ro260        -.9999E-9   ro261              -1.
    ek46      object            .001
    ek47      ro41            -35.18   ro42             35.18
    ek47      ro262        -2.164E-9   ro263              -1.
    ek47      object           -.001
    ek48      ro41            -35.18   ro42             35.18
    ek48      ro262        -2.164E-9   ro263              -1.
    ek48      object            .001
    ek49      ro43            -35.18   ro44             35.18
    ek49      ro264        -.9999E-9   ro265              -1.
    ek49      object           -.001
    ek50      ro43            -35.18   ro44             35.18
    ek50      ro264        -.9999E-9   ro265              -1.
    ek50      object            .001
    ek51      ro43            -35.18   ro45             35.18
    ek51      ro266        -.9999E-9   ro267              -1.
    ek51      object           -.001
    ek52      ro43            -35.18   ro45             35.18
    ek52      ro266        -.9999E-9   ro267              -1.
    ek52      object            .001
    ek53      ro46            -35.18   ro47             35.18
    ek53      ro268        -4.948E-9   ro269              -1.
    ek53      object           -.001
    ek54      ro46            -35.18   ro47             35.18
    ek54      ro268        -4.948E-9   ro269              -1.
    ek54      object            .001
    ek55      ro46            -35.18   ro48             35.18
    ek55      ro270        -.9999E-9   ro271              -1.
    ek55      object           -.001
    ek56      ro46            -35.18   ro48             35.18
    ek56      ro270        -.9999E-9   ro271              -1.
    ek56      object            .001
    ek57      ro49            -35.18   ro50             35.18
    ek57      ro272       -2.2173E-8   ro273              -1.
    ek57      object           -.001
    ek58      ro49            -35.18   ro50             35.18
    ek58      ro272       -2.2173E-8   ro273              -1.
    ek58      object            .001
    ek59      ro51            -35.18   ro52             35.18
    ek59      ro274       -5.4915E-9   ro275              -1.
    ek59      object           -.001
    ek60      ro51            -35.18   ro52             35.18
    ek60      ro274       -5.4915E-9   ro275              -1.
    ek60      object            .001
    ek61      ro53            -35.18   ro54             35.18
    ek61      ro276        -.9999E-9   ro277              -1.
    ek61      object           -.001
    ek62      ro53            -35.18   ro54             35.18
    ek62      ro276        -.9999E-9   ro277              -1.
    ek62      object            .001
    ek63      ro32             35.18   ro33            -35.18
    ek63      ro278       -3.8447E-9   ro279              -1.
    ek63      object           -.001
    ek64      ro32             35.18   ro33            -35.18
    ek64      ro278       -3.8447E-9   ro279              -1.
    ek64      object            .001
    ek65      ro9              35.18   ro14            -35.18
    ek65      ro280        -.9999E-9   ro281              -1.
    ek65      object           -.001
    ek66      ro9              35.18   ro14            -35.18
    ek66      ro280        -.9999E-9   ro281              -1.
    ek66      object            .001
    ek67      ro55            -35.18   ro56             35.18
    ek67      ro282       -4.1494E-8   ro283              -1.
    ek67      object           -.001
    ek68      ro55            -35.18   ro56             35.18
    ek68      ro282       -4.1494E-8   ro283              -1.
    ek68      object            .001
    ek69      ro56             35.18   ro57            -35.18
    ek69      ro284       -5.4915E-9   ro285              -1.
    ek69      object           -.001
    ek70      ro56             35.18   ro57            -35.18
    ek70      ro284       -5.4915E-9   ro285              -1.
    ek70      object            .001
    ek71      ro19            -35.18   ro36             35.18
    ek71      ro286         -9.99E-9   ro287              -1.
    ek71      object           -.001
    ek72      ro19            -35.18   ro36             35.18
    ek72      ro286         -9.99E-9   ro287              -1.
    ek72      object            .001
    ek73      ro25            -35.18   ro58             35.18
    ek73      ro288       -3.8595E-9   ro289              -1.
    ek73      object           -.001
    ek74      ro25            -35.18   ro58             35.18
    ek74      ro288       -3.8595E-9   ro289              -1.
    ek74      object            .001
    ek75      ro28            -35.18   ro58             35.18
    ek75      ro290         -9.99E-9   ro291              -1.
    ek75      object           -.001
    ek76      ro28            -35.18   ro58             35.18
    ek76      ro290         -9.99E-9   ro291              -1.
    ek76      object            .001
    ek77      ro26            -35.18   ro59             35.18
    ek77      ro292       -3.5323E-9   ro293              -1.
    ek77      object           -.001
    ek78      ro26            -35.18   ro59             35.18
    ek78      ro292       -3.5323E-9   ro293              -1.
    ek78      object            .001
    ek79      ro53            -35.18   ro59             35.18
    ek79      ro294       -3.5587E-8   ro295              -1.
    ek79      object           -.001
    ek80      ro53            -35.18   ro59             35.18
    ek80      ro294       -3.5587E-8   ro295              -1.
    ek80      object            .001
    ek81      ro2             -35.18   ro60             35.18
    ek82      ro2             -35.18   ro60             35.18
    ek83      ro47             35.18   ro61            -35.18
    ek84      ro47             35.18   ro61            -35.18
    ek85      ro6              35.18   ro46            -35.18
    ek86      ro6              35.18   ro46            -35.18
    ek87      ro62            -35.18   ro63             35.18
    ek88      ro62            -35.18   ro63             35.18
    ek89      ro64            -35.18   ro65             35.18
    ek90      ro64            -35.18   ro65             35.18
    ek91      ro66            -35.18   ro67             35.18
    ek92      ro66            -35.18   ro67             35.18
    ek93      ro68            -35.18   ro69             35.18
    ek94      ro68            -35.18   ro69             35.18
    ek95      ro70            -35.18   ro71             35.18
    ek96      ro70            -35.18   ro71             35.18
    ek97      ro72            -35.18   ro73             35.18
    ek98      ro72            -35.18   ro73             35.18
    ek99      ro74            -35.18   ro75             35.18
    ek100     ro74            -35.18   ro75             35.18
    ek101     ro76            -35.18   ro77             35.18
    ek102     ro76            -35.18   ro77             35.18
    ek103     ro78            -35.18   ro79             35.18
    ek104     ro78            -35.18   ro79             35.18
    ek105     ro79            -35.18   ro80             35.18
    ek106     ro79            -35.18   ro80             35.18
    ek107     ro81            -35.18   ro82             35.18
    ek108     ro81            -35.18   ro82             35.18
    ek109     ro23             35.18   ro58            -35.18
    ek110     ro23             35.18   ro58            -35.18
    ek111     ro58            -35.18   ro83             35.18
    ek112     ro58            -35.18   ro83             35.18
    ek113     ro22            -35.18   ro59             35.18
    ek114     ro22            -35.18   ro59             35.18
    ek115     ro56            -35.18   ro84             35.18
    ek116     ro56            -35.18   ro84             35.18
    ek117     ro50             35.04   object            -10.
    ek118     ro85             40.31   object            -11.
    ek119     ro86             35.18   object            -12.
    ek120     ro87             36.81   object            -13.
    ek121     ro88               .01   object            -14.
    ek122     ro55               .01   object            -15.
    ek123     ro89             45.54   object            -16.
    ek124     ro90              42.1   object            -17.
    ek125     ro90             42.53   object            -18.
    ek126     ro10             35.18   object            -19.
    ek127     ro91             38.52   object            -10.
    ek128     ro92             35.11   object             11.
    ek129     ro93             35.11   object             12.
    ek130     ro94             35.11   object             13.
    ek131     ro95             35.31   object             14.
    ek132     ro96             35.11   object             15.
    ek133     ro16             35.18   object            -16.
    ek134     ro23             35.18   object            -17.
    ek135     ro97             38.25   object            -18.
    ek136     ro98             40.57   object            -19.
    ek137     ro99             41.14   object            -11.
    ek138     ro100            40.22   object            -12.
    ek139     ro4              35.18   object            -13.
    ek140     ro101            35.18   object            -14.
    ek141     ro102            35.11   object             15.
    ek142     ro103            35.11   object             16.
    ek143     ro104            43.91   object            -11.
    ek144     ro105            40.01   object            -12.
    ek145     ro106            38.66   object            -13.
    ek146     ro107             43.4   object            -14.
    ek147     ro108            35.11   object             15.
    ek148     ro109            41.77   object            -16.
    ek149     ro110             42.1   object            -17.
    ek150     ro111            42.36   object            -18.
    ek151     ro111            42.36   object             18.
    ek152     ro112            39.24   object            -19.
    ek153     ro112            39.24   object             19.
    ek154     ro113            40.01   object            -19.
    ek155     ro113            40.01   object             19.
    ek156     ro114            40.57   object            -10.
    ek157     ro114            40.57   object             10.
    ek158     ro54             34.01   object            -13.
    ek159     ro54             34.01   object             13.
    ek160     ro115            41.01   object            -15.
    ek161     ro115            41.01   object             15.
    ek162     ro116            33.22   object         -10000.
    ek163     ro117            39.38   object         -10000.
    ek164     ro118            40.17   object         -10000.
    ek165     ro119            40.73   object         -10000.
    ek166     ro101            35.18   object         -10000.
    ek167     ro43            -35.18   object          -25.E9
    ek168     ro120           -35.18   object          -25.E9
    ek169     ro121           -35.18   object          -25.E9
    ek170     ro81            -35.18   object          -25.E9
    ek171     ro52            -35.18   object          -25.E9
    ek172     ro7             -35.18   object          -25.E9
    ek173     ro29            -35.18   object          -25.E9
    ek174     ro122           -35.18   object          -25.E9
    ek175     ro123           -35.18   object          -25.E9
    ek176     ro112           -35.18   object          -25.E9
    ek177     ro124           -35.18   object          -25.E9
    ek178     ro9             -35.18   object          -25.E9
    ek179     ro2             -35.18   object          -25.E9
    ek180     ro125           -35.18   object          -25.E9
    ek181     ro104           -35.18   object          -25.E9
    ek182     ro126           -35.18   object          -25.E9
    ek183     ro127           -35.18   object          -25.E9
    ek184     ro50            -35.18
    ek185     ro128           -35.18   object          -25.E9
    ek186     ro117           -35.18   object          -25.E9
    ek187     ro31            -35.18   object          -25.E9
    ek188     ro45            -35.18   object          -25.E9
    ek189     ro101           -35.18   object          -25.E9
    ek190     ro75            -35.18   object          -25.E9
    ek191     ro6             -35.18   object          -25.E9
    ek192     ro48            -35.18   object          -25.E9
    ek193     ro62            -35.18   object          -25.E9
    ek194     ro129           -35.18   object          -25.E9
    ek195     ro82            -35.18   object          -25.E9
    ek196     ro130           -35.18   object          -25.E9
    ek197     ro131           -35.18   object          -25.E9
    ek198     ro39            -35.18   object          -25.E9
    ek199     ro30            -35.18   object          -25.E9
    ek200     ro132           -35.18   object          -25.E9
    ek201     ro133           -35.18   object          -25.E9
    ek202     ro68            -35.18   object          -25.E9
    ek203     ro71            -35.18   object          -25.E9
    ek204     ro134           -35.18   object          -25.E9
    ek205     ro3             -35.18   object          -25.E9
    ek206     ro135           -35.18   object          -25.E9
    ek207     ro22            -35.18   object          -25.E9
    ek208     ro136           -35.18   object          -25.E9
    ek209     ro137           -35.18   object          -25.E9
    ek210     ro74            -35.18   object          -25.E9
    ek211     ro138           -35.18   object          -25.E9
    ek212     ro139           -35.18   object          -25.E9
    ek213     ro40            -35.18   object          -25.E9
    ek214     ro65            -35.18
    ek215     ro44            -35.18   object          -25.E9
    ek216     ro73            -35.18   object          -25.E9
    ek217     ro140           -35.18   object          -25.E9
    ek218     ro141           -35.18   object          -25.E9
    ek219     ro72            -35.18   object          -25.E9
    ek220     ro142           -35.18
    ek221     ro93            -35.18   object          -25.E9
    ek222     ro143           -35.18   object          -25.E9
    ek223     ro84            -35.18   object          -25.E9
    ek224     ro103           -35.18   object          -25.E9
    ek225     ro69            -35.18   object          -25.E9
    ek226     ro144           -35.18   object          -25.E9
    ek227     ro63            -35.18   object          -25.E9
    ek228     ro100           -35.18   object          -25.E9
    ek229     ro145           -35.18   object          -25.E9
    ek230     ro70            -35.18   object          -25.E9
    ek231     ro32            -35.18   object          -25.E9
    ek232     ro8             -35.18   object          -25.E9
    ek233     ro146           -35.18   object          -25.E9
    ek234     ro89            -35.18   object          -25.E9
    ek235     ro37            -35.18   object          -25.E9
    ek236     ro15            -35.18   object          -25.E9
    ek237     ro5             -35.18   object          -25.E9
    ek238     ro95            -35.18   object          -25.E9
    ek239     ro83            -35.18   object          -25.E9
    ek240     ro147           -35.18   object          -25.E9
    ek241     ro148           -35.18   object          -25.E9
    ek242     ro92            -35.18   object          -25.E9
    ek243     ro51            -35.18   object          -25.E9
    ek244     ro94            -35.18   object          -25.E9
    ek245     ro60            -35.18   object          -25.E9
    ek246     ro149           -35.18   object          -25.E9
    ek247     ro64            -35.18   object          -25.E9
    ek248     ro85             35.18   ro97            -35.18
    ek248     ro314        -.0062663
    ek249     ro41             35.18   ro85            -35.18
    ek249     ro315        -.0033294
    ek250     ro53             35.18   ro88            -35.18
    ek250     ro316         -.026061
    ek251     ro107           -35.18   ro150            35.18
    ek251     ro317        -.0022353
    ek252     ro89             35.18   ro90            -35.18
    ek252     ro318     -.0000027942
    ek253     ro84             35.18   ro89            -35.18
    ek253     ro319        -.0039039
    ek254     ro9              35.18   ro137           -35.18
    ek254     ro320        -.0018987
    ek255     ro9              35.18   ro126           -35.18
    ek255     ro321       -.00023306
    ek256     ro126            35.18   ro151           -35.18
    ek256     ro322         -.007874
    ek257     ro32            -35.18   ro120            35.18
    ek257     ro323        -.0052164
    ek258     ro113            35.18   ro152           -35.18
    ek258     ro324         -.004158
    ek259     ro43             35.18   ro142           -35.18
    ek259     ro325        -.0033739
    ek260     ro34             35.18   ro105           -35.18
    ek260     ro326       -.00052004
    ek261     ro96             35.18   ro140           -35.18
    ek261     ro327        -.0013919
    ek262     ro11             35.18   ro148           -35.18
    ek262     ro328         -.015233
    ek263     ro9              35.18   ro140           -35.18
    ek263     ro329        -.0093093
    ek264     ro39            -35.18   ro137            35.18
    ek264     ro330        -.0011341
    ek265     ro93            -35.18   ro137            35.18
    ek265     ro331        -.0090301
    ek266     ro31            -35.18   ro127            35.18
    ek266     ro332        -.0025871
    ek267     ro67            -35.18   ro153            35.18
    ek267     ro333        -.0061489
    ek268     ro17             35.18   ro67            -35.18
    ek268     ro334         -.001339
    ek269     ro10            -35.18   ro31             35.18
    ek269     ro335       -8.3235E-8
    ek270     ro14            -35.18   ro153            35.18
    ek270     ro336        -.0080571
    ek271     ro66            -35.18   ro153            35.18
    ek271     ro337        -.0041349
    ek272     ro17             35.18   ro66            -35.18
    ek272     ro338        -.0009333
    ek273     ro31            -35.18   ro71             35.18
    ek273     ro339         -.070485
    ek274     ro77             35.18   ro102           -35.18
    ek274     ro340       -.00065755
    ek275     ro9              35.18   ro77            -35.18
    ek275     ro341        -.0083734
    ek276     ro128           -35.18   ro132            35.18
    ek276     ro342        -.0012697
    ek277     ro31            -35.18   ro64             35.18
    ek277     ro343        -.0032771
    ek278     ro64            -35.18   ro128            35.18
    ek278     ro344          -.02079
    ek279     ro38             35.18   ro128           -35.18
    ek279     ro345        -.0064484
    ek280     ro76             35.18   ro108           -35.18
    ek280     ro346       -.00068253
    ek281     ro76            -35.18   ro151            35.18
    ek281     ro347       -.00044947
    ek282     ro140            35.18   ro151           -35.18
    ek282     ro348       -.00097385
    ek283     ro35            -35.18   ro106            35.18
    ek283     ro349        -.0018894
    ek284     ro91             35.18   ro154           -35.18
    ek284     ro350        -.0024471
    ek285     ro106           -35.18   ro154            35.18
    ek285     ro351       -.00051606
    ek286     ro13             35.18   ro91            -35.18
    ek286     ro352        -.0016897
    ek287     ro37             35.18   ro145           -35.18
    ek287     ro353        -.0014095
    ek288     ro9              35.18   ro94            -35.18
    ek288     ro354        -.0078823
    ek289     ro129           -35.18   ro136            35.18
    ek289     ro355       -.00098653
    ek290     ro129            35.18   ro145           -35.18
    ek290     ro356        -.0060883
    ek291     ro68             35.18   ro129           -35.18
    ek291     ro357        -.0051863
    ek292     ro69            -35.18   ro124            35.18
    ek292     ro358        -.0070184
    ek293     ro37            -35.18   ro124            35.18
    ek293     ro359        -.0073849
    ek294     ro103           -35.18   ro126            35.18
    ek294     ro360        -.0087064
    ek295     ro130            35.18   ro149           -35.18
    ek295     ro361         -.061603
    ek296     ro16            -35.18   ro149            35.18
    ek296     ro362       -5.0103E-7
    ek297     ro72             35.18   ro144           -35.18
    ek297     ro363          -.06774
    ek298     ro130           -35.18   ro131            35.18
    ek298     ro364       -.00060842
    ek299     ro144            35.18   ro155           -35.18
    ek299     ro365         -.003559
    ek300     ro130            35.18   ro144           -35.18
    ek300     ro366        -.0087212
    ek301     ro29             35.18   ro127           -35.18
    ek301     ro367     -.0000065766
    ek302     ro15             35.18   ro30            -35.18
    ek302     ro368        -.0016251
    ek303     ro133            35.18   ro149           -35.18
    ek303     ro369        -.0041051
    ek304     ro133           -35.18   ro155            35.18
    ek304     ro370       -.00012333
    ek305     ro72             35.18   ro155           -35.18
    ek305     ro371         -.002449
    ek306     ro72            -35.18   ro134            35.18
    ek306     ro372        -.0026956
    ek307     ro36            -35.18   ro156            35.18
    ek307     ro373        -.0025045
    ek308     ro121            35.18   ro156           -35.18
    ek308     ro374        -.0044344
    ek309     ro133           -35.18   ro135            35.18
    ek309     ro375      -.000052856
    ek310     ro73            -35.18   ro157            35.18
    ek310     ro376      -.000023257
    ek311     ro135           -35.18   ro149            35.18
    ek311     ro377        -.0020725
    ek312     ro135           -35.18   ro157            35.18
    ek312     ro378        -.0019139
    ek313     ro134           -35.18   ro157            35.18
    ek313     ro379        -.0018312
    ek314     ro70            -35.18   ro127            35.18
    ek314     ro380        -.0057266
    ek315     ro1              35.18   ro134           -35.18
    ek315     ro381        -.0014083
    ek316     ro60            -35.18   ro125            35.18
    ek316     ro382         -.029983
    ek317     ro68             35.18   ro75            -35.18
    ek317     ro383        -.0016209
    ek318     ro75            -35.18   ro101            35.18
    ek318     ro384        -.0042989
    ek319     ro69            -35.18   ro74             35.18
    ek319     ro385        -.0096289
    ek320     ro7              35.18   ro143           -35.18
    ek320     ro386        -.0069946
    ek321     ro86             35.18   ro143           -35.18
    ek321     ro387      -.000017619
    ek322     ro50            -35.18   ro138            35.18
    ek322     ro388       -.00025368
    ek323     ro95            -35.18   ro138            35.18
    ek323     ro389        -.0057061
    ek324     ro7              35.18   ro138           -35.18
    ek324     ro390        -.0025045
    ek325     ro20             35.18   ro104           -35.18
    ek325     ro391         -.001555
    ek326     ro51             35.18   ro117           -35.18
    ek326     ro392        -.0043517
    ek327     ro41             35.18   ro51            -35.18
    ek327     ro393       -.00057719
    ek328     ro8             -35.18   ro22             35.18
    ek328     ro394        -.0042424
    ek329     ro31            -35.18   ro70             35.18
    ek329     ro395       -.00059929
    ek330     ro83             35.18   ro158           -35.18
    ek330     ro396       -.00044399
    ek331     ro158            35.18   ro159           -35.18
    ek331     ro397        -.0036083
    ek332     ro61            -35.18   ro159            35.18
    ek332     ro398        -.0042813
    ek333     ro62             35.18   ro141           -35.18
    ek333     ro399        -.0012685
    ek334     ro4             -35.18   ro141            35.18
    ek334     ro400       -1.1814E-7
    ek335     ro63            -35.18   ro139            35.18
    ek335     ro401       -.00022904
    ek336     ro48            -35.18   ro83             35.18
    ek336     ro402        -.0056092
    ek337     ro3              35.18   ro48            -35.18
    ek337     ro403       -1.7619E-7
    ek338     ro139            35.18   ro141           -35.18
    ek338     ro404       -.00068521
    ek339     ro124            35.18   ro147           -35.18
    ek339     ro405         -.018174
    ek340     ro139           -35.18   ro147            35.18
    ek340     ro406       -.00093379
    ek341     ro37             35.18   ro147           -35.18
    ek341     ro407        -.0075055
    ek342     ro66             35.18   ro160           -35.18
    ek342     ro408        -.0057061
    ek343     ro160            35.18   ro161           -35.18
    ek343     ro409        -.0065428
    ek344     ro84            -35.18   ro161            35.18
    ek344     ro410        -.0013214
    ek345     ro63            -35.18   ro145            35.18
    ek345     ro411        -.0084217
    ek346     ro5              35.18   ro113           -35.18
    ek346     ro412         -.011423
    ek347     ro18            -35.18   ro78             35.18
    ek347     ro413        -.0022801
    ek348     ro78            -35.18   ro162            35.18
    ek348     ro414       -.00028353
    ek349     ro162           -35.18   ro163            35.18
    ek349     ro415        -.0092266
    ek350     ro146            35.18   ro163           -35.18
    ek350     ro416        -.0011932
    ek351     ro82             35.18   ro146           -35.18
    ek351     ro417       -.00098055
    ek352     ro79            -35.18   ro163            35.18
    ek352     ro418        -.0090022
    ek353     ro18            -35.18   ro80             35.18
    ek353     ro419        -.0022801
    ek354     ro80            -35.18   ro162            35.18
    ek354     ro420       -.00029535
    ek355     ro12            -35.18   ro153            35.18
    ek355     ro421        -.0092473
    ek356     ro112           -35.18   ro148            35.18
    ek356     ro422          -.11781
    ek357     ro118           -35.18   ro152            35.18
    ek357     ro423        -.0016067
    ek358     ro152           -35.18   ro164            35.18
    ek358     ro424         -.002032
    ek359     ro24             35.18   ro164           -35.18
    ek359     ro425       -.00039801
    ek360     ro54             35.18   ro116           -35.18
    ek360     ro426        -.0055513
    ek361     ro27             35.18   ro54            -35.18
    ek361     ro427       -.00032577
    ek362     ro91            -35.18   ro122            35.18
    ek362     ro428        -.0061464
    ek363     ro31            -35.18   ro65             35.18
    ek363     ro429         -.019681
    ek364     ro165           -35.18   ro166            35.18
    ek364     ro430        -.0057536
    ek365     ro99            -35.18   ro165            35.18
    ek365     ro431        -.0069854
    ek366     ro49            -35.18   ro123            35.18
    ek366     ro432       -.00095787
    ek367     ro100           -35.18   ro123            35.18
    ek367     ro433          -.01683
    ek368     ro98             35.18   ro123           -35.18
    ek368     ro434        -.0052064
    ek369     ro98            -35.18   ro165            35.18
    ek369     ro435        -.0046801
    ek370     ro9              35.18   ro87            -35.18
    ek370     ro436         -.016545
    ek371     ro35             35.18   ro167           -35.18
    ek371     ro437        -.0008465
    ek372     ro42            -35.18   ro167            35.18
    ek372     ro438      -.000069085
    ek373     ro21            -35.18   ro166            35.18
    ek373     ro439        -.0018182
    ek374     ro148            35.18   ro166           -35.18
    ek374     ro440        -.0024833
    ek375     ro6              35.18   ro114           -35.18
    ek375     ro441         -.077941
    ek376     ro57             35.18   ro168           -35.18
    ek376     ro442         -.029074
    ek377     ro110           -35.18   ro168            35.18
    ek377     ro443        -.0069149
    ek378     ro119           -35.18   ro164            35.18
    ek378     ro444        -.0026738
    ek379     ro109           -35.18   ro168            35.18
    ek379     ro445         -.026824
    ek380     ro115            35.18   ro160           -35.18
    ek380     ro446         -.032217
    ek381     ro111           -35.18   ro142            35.18
    ek381     ro447       -.00096254
    ek382     ro142           -35.18   ro150            35.18
    ek382     ro448        -.0054009
    ek383     ro57             35.18   ro150           -35.18
    ek383     ro449       -.00017825
    ek384     ro82             35.18   ro163           -35.18
    ek384     ro450        -.0015315
    ek385     ro61             35.18   ro158           -35.18
    ek385     ro451        -.0079989
    ek386     ro3             -35.18   ro47             35.18
    ek386     ro452     -.0000015716
    ek387     ro169               1.   ro170             108.
    ek387     ro171              1.4   ro172             68.7
    ek387     ro173          -264.71   ro381              -1.
    ek387     object            -.01
    ek388     ro169               1.   ro170             108.
    ek388     ro171              1.4   ro172             68.7
    ek388     ro173          -264.71   ro381              -1.
    ek388     object     1000000000.
    ek389     ro169              -1.   ro171              -1.
    ek389     ro172             -33.   ro173           17.647
    ek389     ro296               1.   object            -.01
    ek390     ro169              -1.   ro171              -1.
    ek390     ro172             -33.   ro173           17.647
    ek390     ro296               1.   object     1000000000.
    ek391     ro174               1.   ro175             126.
    ek391     ro176             1.36   ro177            66.96
    ek391     ro178          -264.71   ro403              -1.
    ek391     ro452               1.   object            -.01
    ek392     ro174               1.   ro175             126.
    ek392     ro176             1.36   ro177            66.96
    ek392     ro178          -264.71   ro403              -1.
    ek392     ro452               1.   object     1000000000.
    ek393     ro174              -1.   ro176              -1.
    ek393     ro177             -39.   ro178           17.647
    ek393     ro400               1.   object            -.01
    ek394     ro174              -1.   ro176              -1.
    ek394     ro177             -39.   ro178           17.647
    ek394     ro400               1.   object     1000000000.
    ek395     ro179               1.   ro180             25.5
    ek395     ro181            1.495   ro182           16.192
    ek395     ro183          -264.71   ro412              -1.
    ek395     object            -.01
    ek396     ro179               1.   ro180             25.5
    ek396     ro181            1.495   ro182           16.192
    ek396     ro183          -264.71   ro412              -1.
    ek396     object     1000000000.
    ek397     ro179              -1.   ro181              -1.
    ek397     ro182             -8.5   ro183           17.647
    ek397     ro298              -1.   ro441              -1.
    ek397     object            -.01
    ek398     ro179              -1.   ro181              -1.
    ek398     ro182             -8.5   ro183           17.647
    ek398     ro298              -1.   ro441              -1.
    ek398     object     1000000000.
    ek399     ro184               1.   ro185             174.
    ek399     ro186             1.64   ro187             53.7
    ek399     ro188          -264.71   ro386              -1.
    ek399     ro390              -1.   object            -.01
    ek400     ro184               1.   ro185             174.
    ek400     ro186             1.64   ro187             53.7
    ek400     ro188          -264.71   ro386              -1.
    ek400     ro390              -1.   object     1000000000.
    ek401     ro184              -1.   ro186              -1.
    ek401     ro187             -12.   ro188           17.647
    ek401     ro394               1.   object            -.01
    ek402     ro184              -1.   ro186              -1.
    ek402     ro187             -12.   ro188           17.647
    ek402     ro394               1.   object     1000000000.
    ek403     ro189               1.   ro190             250.
    ek403     ro191             1.64   ro192            153.7
    ek403     ro193          -264.71   ro280              -1.
    ek403     ro320              -1.   ro321              -1.
    ek403     ro329              -1.   ro341              -1.
    ek403     ro354              -1.   ro436              -1.
    ek403     object            -.01
    ek404     ro189               1.   ro190             250.
    ek404     ro191             1.64   ro192            153.7
    ek404     ro193          -264.71   ro280              -1.
    ek404     ro320              -1.   ro321              -1.
    ek404     ro329              -1.   ro341              -1.
    ek404     ro354              -1.   ro436              -1.
    ek404     object     1000000000.
    ek405     ro189              -1.   ro191              -1.
    ek405     ro192          -55.833   ro193           17.647
    ek405     ro335               1.   object            -.01
    ek406     ro189              -1.   ro191              -1.
    ek406     ro192          -55.833   ro193           17.647
    ek406     ro335               1.   object     1000000000.
    ek407     ro194               1.   ro195             200.
    ek407     ro196              1.8   ro197             181.
    ek407     ro198          -264.71   ro328              -1.
    ek407     object            -.01
    ek408     ro194               1.   ro195             200.
    ek408     ro196              1.8   ro197             181.
    ek408     ro198          -264.71   ro328              -1.
    ek408     object     1000000000.
    ek409     ro194              -1.   ro196              -1.
    ek409     ro197            -100.   ro198           17.647
    ek409     ro251               1.   ro252              26.
    ek409     ro421               1.   object            -.01
    ek410     ro194              -1.   ro196              -1.
    ek410     ro197            -100.   ro198           17.647
    ek410     ro251               1.   ro252              26.
    ek410     ro421               1.   object     1000000000.
    ek411     ro199               1.   ro200             108.
    ek411     ro201            1.454   ro202           50.324
    ek411     ro203          -264.71   ro352              -1.
    ek411     object            -.01
    ek412     ro199               1.   ro200             108.
    ek412     ro201            1.454   ro202           50.324
    ek412     ro203          -264.71   ro352              -1.
    ek412     object     1000000000.
    ek413     ro199              -1.   ro201              -1.
    ek413     ro202             -34.   ro203           17.647
    ek413     ro253               1.   ro280               1.
    ek413     ro281             100.   ro336               1.
    ek413     object            -.01
    ek414     ro199              -1.   ro201              -1.
    ek414     ro202             -34.   ro203           17.647
    ek414     ro253               1.   ro280               1.
    ek414     ro281             100.   ro336               1.
    ek414     object     1000000000.
    ek415     ro204               1.   ro205             194.
    ek415     ro206            1.315   ro207           124.13
    ek415     ro208          -264.71   ro368              -1.
    ek415     object            -.01
    ek416     ro204               1.   ro205             194.
    ek416     ro206            1.315   ro207           124.13
    ek416     ro208          -264.71   ro368              -1.
    ek416     object     1000000000.
    ek417     ro204              -1.   ro206              -1.
    ek417     ro207             -76.   ro208           17.647
    ek417     ro256               1.   ro257              51.
    ek417     ro362               1.   object            -.01
    ek418     ro204              -1.   ro206              -1.
    ek418     ro207             -76.   ro208           17.647
    ek418     ro256               1.   ro257              51.
    ek418     ro362               1.   object     1000000000.
    ek419     ro209               1.   ro210             108.
    ek419     ro211             1.37   ro212            78.36
    ek419     ro213          -264.71   ro334              -1.
    ek419     ro338              -1.   object            -.01
    ek420     ro209               1.   ro210             108.
    ek420     ro211             1.37   ro212            78.36
    ek420     ro213          -264.71   ro334              -1.
    ek420     ro338              -1.   object     1000000000.
    ek421     ro209              -1.   ro211              -1.
    ek421     ro212             -48.   ro213           17.647
    ek421     ro214               1.   ro215              10.
    ek421     ro216             1.24   ro217             5.68
    ek421     ro218          -264.71   ro413               1.
    ek421     ro419               1.   object            -.01
    ek422     ro209              -1.   ro211              -1.
    ek422     ro212             -48.   ro213           17.647
    ek422     ro214               1.   ro215              10.
    ek422     ro216             1.24   ro217             5.68
    ek422     ro218          -264.71   ro413               1.
    ek422     ro419               1.   object     1000000000.
    ek423     ro214              -1.   ro216              -1.
    ek423     ro217              -4.   ro218           17.647
    ek423     ro286               1.   ro287              10.
    ek423     object            -.01
    ek424     ro214              -1.   ro216              -1.
    ek424     ro217              -4.   ro218           17.647
    ek424     ro286               1.   ro287              10.
    ek424     object     1000000000.
    ek425     ro219               1.   ro220              92.
    ek425     ro221             1.75   ro222            116.5
    ek425     ro223          -264.71   ro391              -1.
    ek425     object            -.01
    ek426     ro219               1.   ro220              92.
    ek426     ro221             1.75   ro222            116.5
    ek426     ro223          -264.71   ro391              -1.
    ek426     object     1000000000.
    ek427     ro219              -1.   ro221              -1.
    ek427     ro222            -56.4   ro223           17.647
    ek427     ro439               1.   object            -.01
    ek428     ro219              -1.   ro221              -1.
    ek428     ro222            -56.4   ro223           17.647
    ek428     ro439               1.   object     1000000000.
    ek429     ro224               1.   ro225             110.
    ek429     ro226            1.325   ro227            83.05
    ek429     ro228          -264.71   ro312               1.
    ek429     ro394              -1.   object            -.01
    ek430     ro224               1.   ro225             110.
    ek430     ro226            1.325   ro227            83.05
    ek430     ro228          -264.71   ro312               1.
    ek430     ro394              -1.   object     1000000000.
    ek431     ro224              -1.   ro226              -1.
    ek431     ro227             -55.   ro228           17.647
    ek431     ro310              -1.   object            -.01
    ek432     ro224              -1.   ro226              -1.
    ek432     ro227             -55.   ro228           17.647
    ek432     ro310              -1.   object     1000000000.
    ek433     ro229               1.   ro230              11.
    ek433     ro231              1.2   ro232             4.84
    ek433     ro233          -264.71   ro234               1.
    ek433     ro235              22.   ro236              1.2
    ek433     ro237             9.68   ro238          -264.71
    ek433     ro425              -1.   object            -.01
    ek434     ro229               1.   ro230              11.
    ek434     ro231              1.2   ro232             4.84
    ek434     ro233          -264.71   ro234               1.
    ek434     ro235              22.   ro236              1.2
    ek434     ro237             9.68   ro238          -264.71
    ek434     ro425              -1.   object     1000000000.
    ek435     ro229              -1.   ro231              -1.
    ek435     ro232             -3.4   ro233           17.647
    ek435     ro288               1.   ro289             25.9
    ek435     object            -.01
    ek436     ro229              -1.   ro231              -1.
    ek436     ro232             -3.4   ro233           17.647
    ek436     ro288               1.   ro289             25.9
    ek436     object     1000000000.
    ek437     ro234              -1.   ro236              -1.
    ek437     ro237             -6.8   ro238           17.647
    ek437     ro292               1.   ro293             28.3
    ek437     object            -.01
    ek438     ro234              -1.   ro236              -1.
    ek438     ro237             -6.8   ro238           17.647
    ek438     ro292               1.   ro293             28.3
    ek438     object     1000000000.
    ek439     ro239               1.   ro240             25.5
    ek439     ro241            1.495   ro242           17.723
    ek439     ro243          -264.71   ro427              -1.
    ek439     object            -.01
    ek440     ro239               1.   ro240             25.5
    ek440     ro241            1.495   ro242           17.723
    ek440     ro243          -264.71   ro427              -1.
    ek440     object     1000000000.
    ek441     ro239              -1.   ro241              -1.
    ek441     ro242             -8.5   ro243           17.647
    ek441     ro290               1.   ro291              10.
    ek441     object            -.01
    ek442     ro239              -1.   ro241              -1.
    ek442     ro242             -8.5   ro243           17.647
    ek442     ro290               1.   ro291              10.
    ek442     object     1000000000.
    ek443     ro244               1.   ro245             252.
    ek443     ro246             1.34   ro247           178.18
    ek443     ro248          -264.71   ro367              -1.
    ek443     object            -.01
    ek444     ro244               1.   ro245             252.
    ek444     ro246             1.34   ro247           178.18
    ek444     ro248          -264.71   ro367              -1.
    ek444     object     1000000000.
    ek445     ro244              -1.   ro246              -1.
    ek445     ro247            -107.   ro248           17.647
    ek445     ro368               1.   object            -.01
    ek446     ro244              -1.   ro246              -1.
    ek446     ro247            -107.   ro248           17.647
    ek446     ro368               1.   object     1000000000.
    ek447     ro249               1.   ro250              80.
    ek447     ro332               1.   ro335              -1.
    ek447     ro339               1.   ro343               1.
    ek447     ro395               1.   ro429               1.
    ek447     object            -.01
    ek448     ro249               1.   ro250              80.
    ek448     ro332               1.   ro335              -1.
    ek448     ro339               1.   ro343               1.
    ek448     ro395               1.   ro429               1.
    ek448     object     1000000000.
    ek449     ro249              -1.   ro278              -1.
    ek449     ro323               1.   object            -.01
    ek450     ro249              -1.   ro278              -1.
    ek450     ro323               1.   object     1000000000.
    ek451     ro251              -1.   ro253              -1.
    ek451     ro278               1.   ro279              26.
    ek451     object            -.01
    ek452     ro251              -1.   ro253              -1.
    ek452     ro278               1.   ro279              26.
    ek452     object     1000000000.
    ek453     ro254               1.   ro255             12.4
    ek453     ro326              -1.   object            -.01
    ek454     ro254               1.   ro255             12.4
    ek454     ro326              -1.   object     1000000000.
    ek455     ro254              -1.   ro349               1.
    ek455     ro437              -1.   object            -.01
    ek456     ro254              -1.   ro349               1.
    ek456     ro437              -1.   object     1000000000.
    ek457     ro256              -1.   ro286              -1.
    ek457     ro373               1.   object            -.01
    ek458     ro256              -1.   ro286              -1.
    ek458     ro373               1.   object     1000000000.
    ek459     ro258               1.   ro259              10.
    ek459     ro353              -1.   ro359               1.
    ek459     ro407              -1.   object            -.01
    ek460     ro258               1.   ro259              10.
    ek460     ro353              -1.   ro359               1.
    ek460     ro407              -1.   object     1000000000.
    ek461     ro258              -1.   ro345              -1.
    ek461     object            -.01
    ek462     ro258              -1.   ro345              -1.
    ek462     object     1000000000.
    ek463     ro260               1.   ro261             100.
    ek463     ro330               1.   object            -.01
    ek464     ro260               1.   ro261             100.
    ek464     ro330               1.   object     1000000000.
    ek465     ro260              -1.   object            -.01
    ek466     ro260              -1.   object     1000000000.
    ek467     ro262               1.   ro263             46.2
    ek467     ro315              -1.   ro393              -1.
    ek467     object            -.01
    ek468     ro262               1.   ro263             46.2
    ek468     ro315              -1.   ro393              -1.
    ek468     object     1000000000.
    ek469     ro262              -1.   ro438               1.
    ek469     object            -.01
    ek470     ro262              -1.   ro438               1.
    ek470     object     1000000000.
    ek471     ro264               1.   ro265             100.
    ek471     ro266               1.   ro267             100.
    ek471     ro325              -1.   object            -.01
    ek472     ro264               1.   ro265             100.
    ek472     ro266               1.   ro267             100.
    ek472     ro325              -1.   object     1000000000.
    ek473     ro264              -1.   object      -10000000.
    ek474     ro264              -1.   object            -.01
    ek475     ro264              -1.   object     1000000000.
    ek476     ro266              -1.   object      -10000000.
    ek477     ro266              -1.   object            -.01
    ek478     ro266              -1.   object     1000000000.
    ek479     ro268               1.   ro269             20.2
    ek479     ro270               1.   ro271             100.
    ek479     ro298               1.   object            -.01
    ek480     ro268               1.   ro269             20.2
    ek480     ro270               1.   ro271             100.
    ek480     ro298               1.   object     1000000000.
    ek481     ro268              -1.   ro297              -1.
    ek481     ro452              -1.   object            -.01
    ek482     ro268              -1.   ro297              -1.
    ek482     ro452              -1.   object     1000000000.
    ek483     ro270              -1.   ro402               1.
    ek483     ro403               1.   object            -.01
    ek484     ro270              -1.   ro402               1.
    ek484     ro403               1.   object     1000000000.
    ek485     ro272               1.   ro273              4.5
    ek485     ro432               1.   object            -.01
    ek486     ro272               1.   ro273              4.5
    ek486     ro432               1.   object     1000000000.
    ek487     ro272              -1.   ro388               1.
    ek487     object            -.01
    ek488     ro272              -1.   ro388               1.
    ek488     object     1000000000.
    ek489     ro274               1.   ro275             18.2
    ek489     ro392              -1.   ro393               1.
    ek489     object            -.01
    ek490     ro274               1.   ro275             18.2
    ek490     ro392              -1.   ro393               1.
    ek490     object     1000000000.
    ek491     ro274              -1.   object            -.01
    ek492     ro274              -1.   object     1000000000.
    ek493     ro276               1.   ro277             100.
    ek493     ro294               1.   ro295              2.8
    ek493     ro316              -1.   object            -.01
    ek494     ro276               1.   ro277             100.
    ek494     ro294               1.   ro295              2.8
    ek494     ro316              -1.   object     1000000000.
    ek495     ro276              -1.   ro426              -1.
    ek495     ro427               1.   object            -.01
    ek496     ro276              -1.   ro426              -1.
    ek496     ro427               1.   object     1000000000.
    ek497     ro282               1.   ro283              2.4
    ek497     object            -.01
    ek498     ro282               1.   ro283              2.4
    ek498     object     1000000000.
    ek499     ro282              -1.   ro284              -1.
    ek499     ro313               1.   object            -.01
    ek500     ro282              -1.   ro284              -1.
    ek500     ro313               1.   object     1000000000.
    ek501     ro284               1.   ro285             18.2
    ek501     ro442              -1.   ro449              -1.
    ek501     object            -.01
    ek502     ro284               1.   ro285             18.2
    ek502     ro442              -1.   ro449              -1.
    ek502     object     1000000000.
    ek503     ro288              -1.   ro290              -1.
    ek503     ro310               1.   ro311               1.
    ek503     object            -.01
    ek504     ro288              -1.   ro290              -1.
    ek504     ro310               1.   ro311               1.
    ek504     object     1000000000.
    ek505     ro292              -1.   ro294              -1.
    ek505     ro312              -1.   object            -.01
    ek506     ro292              -1.   ro294              -1.
    ek506     ro312              -1.   object     1000000000.
    ek507     ro296              -1.   ro382               1.
    ek507     object            -.01
    ek508     ro296              -1.   ro382               1.
    ek508     object     1000000000.
    ek509     ro297               1.   ro398               1.
    ek509     ro451              -1.   object            -.01
    ek510     ro297               1.   ro398               1.
    ek510     ro451              -1.   object     1000000000.
    ek511     ro299               1.   ro399              -1.
    ek511     object            -.01
    ek512     ro299               1.   ro399              -1.
    ek512     object     1000000000.
    ek513     ro299              -1.   ro401               1.
    ek513     ro411               1.   object            -.01
    ek514     ro299              -1.   ro401               1.
    ek514     ro411               1.   object     1000000000.
    ek515     ro300               1.   ro343              -1.
    ek515     ro344               1.   object            -.01
    ek516     ro300               1.   ro343              -1.
    ek516     ro344               1.   object     1000000000.
    ek517     ro300              -1.   ro429              -1.
    ek517     object            -.01
    ek518     ro300              -1.   ro429              -1.
    ek518     object     1000000000.
    ek519     ro301               1.   ro337               1.
    ek519     ro338               1.   ro408              -1.
    ek519     object            -.01
    ek520     ro301               1.   ro337               1.
    ek520     ro338               1.   ro408              -1.
    ek520     object     1000000000.
    ek521     ro301              -1.   ro333               1.
    ek521     ro334               1.   object            -.01
    ek522     ro301              -1.   ro333               1.
    ek522     ro334               1.   object     1000000000.
    ek523     ro302               1.   ro357              -1.
    ek523     ro383              -1.   object            -.01
    ek524     ro302               1.   ro357              -1.
    ek524     ro383              -1.   object     1000000000.
    ek525     ro302              -1.   ro358               1.
    ek525     ro385               1.   object            -.01
    ek526     ro302              -1.   ro358               1.
    ek526     ro385               1.   object     1000000000.
    ek527     ro303               1.   ro380               1.
    ek527     ro395              -1.   object            -.01
    ek528     ro303               1.   ro380               1.
    ek528     ro395              -1.   object     1000000000.
    ek529     ro303              -1.   ro339              -1.
    ek529     object            -.01
    ek530     ro303              -1.   ro339              -1.
    ek530     object     1000000000.
    ek531     ro304               1.   ro363              -1.
    ek531     ro371              -1.   ro372               1.
    ek531     object            -.01
    ek532     ro304               1.   ro363              -1.
    ek532     ro371              -1.   ro372               1.
    ek532     object     1000000000.
    ek533     ro304              -1.   ro376               1.
    ek533     object            -.01
    ek534     ro304              -1.   ro376               1.
    ek534     object     1000000000.
    ek535     ro305               1.   ro385              -1.
    ek535     object            -.01
    ek536     ro305               1.   ro385              -1.
    ek536     object     1000000000.
    ek537     ro305              -1.   ro383               1.
    ek537     ro384               1.   object            -.01
    ek538     ro305              -1.   ro383               1.
    ek538     ro384               1.   object     1000000000.
    ek539     ro306               1.   ro346              -1.
    ek539     ro347               1.   object            -.01
    ek540     ro306               1.   ro346              -1.
    ek540     ro347               1.   object     1000000000.
    ek541     ro306              -1.   ro340              -1.
    ek541     ro341               1.   object            -.01
    ek542     ro306              -1.   ro340              -1.
    ek542     ro341               1.   object     1000000000.
    ek543     ro307               1.   ro413              -1.
    ek543     ro414               1.   object            -.01
    ek544     ro307               1.   ro413              -1.
    ek544     ro414               1.   object     1000000000.
    ek545     ro307              -1.   ro308               1.
    ek545     ro418               1.   object            -.01
    ek546     ro307              -1.   ro308               1.
    ek546     ro418               1.   object     1000000000.
    ek547     ro308              -1.   ro419              -1.
    ek547     ro420               1.   object            -.01
    ek548     ro308              -1.   ro419              -1.
    ek548     ro420               1.   object     1000000000.
    ek549     ro309               1.   object            -.01
    ek550     ro309               1.   object     1000000000.
    ek551     ro309              -1.   ro417              -1.
    ek551     ro450              -1.   object            -.01
    ek552     ro309              -1.   ro417              -1.
    ek552     ro450              -1.   object     1000000000.
    ek553     ro311              -1.   ro396              -1.
    ek553     ro402              -1.   object            -.01
    ek554     ro311              -1.   ro396              -1.
    ek554     ro402              -1.   object     1000000000.
    ek555     ro313              -1.   ro319              -1.
    ek555     ro410               1.   object            -.01
    ek556     ro313              -1.   ro319              -1.
    ek556     ro410               1.   object     1000000000.
    ek557     ro314              -1.   ro315               1.
    ek557     object            -.01
    ek558     ro314              -1.   ro315               1.
    ek558     object     1000000000.
    ek559     ro387              -1.   object            -.01
    ek560     ro387              -1.   object     1000000000.
    ek561     ro436               1.   object            -.01
    ek562     ro436               1.   object     1000000000.
    ek563     ro316               1.   object            -.01
    ek564     ro316               1.   object     1000000000.
    ek565     ro318              -1.   ro319               1.
    ek565     object            -.01
    ek566     ro318              -1.   ro319               1.
    ek566     object     1000000000.
    ek567     ro318               1.   object            -.01
    ek568     ro318               1.   object     1000000000.
    ek569     ro350              -1.   ro352               1.
    ek569     ro428               1.   object            -.01
    ek570     ro350              -1.   ro352               1.
    ek570     ro428               1.   object     1000000000.
    ek571     object            -.01
    ek572     object     1000000000.
    ek573     ro331               1.   object            -.01
    ek574     ro331               1.   object     1000000000.
    ek575     ro354               1.   object            -.01
    ek576     ro354               1.   object     1000000000.
    ek577     ro389               1.   object            -.01
    ek578     ro389               1.   object     1000000000.
    ek579     ro327              -1.   object            -.01
    ek580     ro327              -1.   object     1000000000.
    ek581     ro314               1.   object            -.01
    ek582     ro314               1.   object     1000000000.
    ek583     ro434              -1.   ro435               1.
    ek583     object            -.01
    ek584     ro434              -1.   ro435               1.
    ek584     object     1000000000.
    ek585     ro431               1.   object            -.01
    ek586     ro431               1.   object     1000000000.
    ek587     ro433               1.   object            -.01
    ek588     ro433               1.   object     1000000000.
    ek589     ro384              -1.   object            -.01
    ek590     ro384              -1.   object     1000000000.
    ek591     ro340               1.   object            -.01
    ek592     ro340               1.   object     1000000000.
    ek593     ro360               1.   object            -.01
    ek594     ro360               1.   object     1000000000.
    ek595     ro391               1.   object            -.01
    ek596     ro391               1.   object     1000000000.
    ek597     ro326               1.   object            -.01
    ek598     ro326               1.   object     1000000000.
    ek599     ro349              -1.   ro351               1.
    ek599     object            -.01
    ek600     ro349              -1.   ro351               1.
    ek600     object     1000000000.
    ek601     ro317               1.   object            -.01
    ek602     ro317               1.   object     1000000000.
    ek603     ro346               1.   object            -.01
    ek604     ro346               1.   object     1000000000.
    ek605     ro445               1.   object            -.01
    ek606     ro445               1.   object     1000000000.
    ek607     ro443               1.   object            -.01
    ek608     ro443               1.   object     1000000000.
    ek609     ro447               1.   object            -.01
    ek610     ro447               1.   object     1000000000.
    ek611     ro422               1.   object            -.01
    ek612     ro422               1.   object     1000000000.
    ek613     ro324              -1.   ro412               1.
    ek613     object            -.01
    ek614     ro324              -1.   ro412               1.
    ek614     object     1000000000.
    ek615     ro441               1.   object            -.01
    ek616     ro441               1.   object     1000000000.
    ek617     ro446              -1.   object            -.01
    ek618     ro446              -1.   object     1000000000.
    ek619     ro426               1.   object            -.01
    ek620     ro426               1.   object     1000000000.
    ek621     ro392               1.   object            -.01
    ek622     ro392               1.   object     1000000000.
    ek623     ro423               1.   object            -.01
    ek624     ro423               1.   object     1000000000.
    ek625     ro444               1.   object            -.01
    ek626     ro444               1.   object     1000000000.
    ek627     ro323              -1.   object      -10000000.
    ek628     ro323              -1.   object            -.01
    ek629     ro323              -1.   object     1000000000.
    ek630     ro374              -1.   object      -10000000.
    ek631     ro374              -1.   object            -.01
    ek632     ro374              -1.   object     1000000000.
    ek633     ro428              -1.   object            -.01
    ek634     ro428              -1.   object     1000000000.
    ek635     ro432              -1.   ro433              -1.
    ek635     ro434               1.   object            -.01
    ek636     ro432              -1.   ro433              -1.
    ek636     ro434               1.   object     1000000000.
    ek637     ro358              -1.   ro359              -1.
    ek637     ro405              -1.   object            -.01
    ek638     ro358              -1.   ro359              -1.
    ek638     ro405              -1.   object     1000000000.
    ek639     ro382              -1.   object      -10000000.
    ek640     ro382              -1.   object            -.01
    ek641     ro382              -1.   object     1000000000.
    ek642     ro321               1.   ro322              -1.
    ek642     ro360              -1.   object            -.01
    ek643     ro321               1.   ro322              -1.
    ek643     ro360              -1.   object     1000000000.
    ek644     ro332              -1.   ro367               1.
    ek644     ro380              -1.   object            -.01
    ek645     ro332              -1.   ro367               1.
    ek645     ro380              -1.   object     1000000000.
    ek646     ro342               1.   ro344              -1.
    ek646     ro345               1.   object            -.01
    ek647     ro342               1.   ro344              -1.
    ek647     ro345               1.   object     1000000000.
    ek648     ro355               1.   ro356              -1.
    ek648     ro357               1.   object            -.01
    ek649     ro355               1.   ro356              -1.
    ek649     ro357               1.   object     1000000000.
    ek650     ro361              -1.   ro364               1.
    ek650     ro366              -1.   object            -.01
    ek651     ro361              -1.   ro364               1.
    ek651     ro366              -1.   object     1000000000.
    ek652     ro364              -1.   object            -.01
    ek653     ro364              -1.   object     1000000000.
    ek654     ro342              -1.   object      -10000000.
    ek655     ro342              -1.   object            -.01
    ek656     ro342              -1.   object     1000000000.
    ek657     ro369              -1.   ro370               1.
    ek657     ro375               1.   object            -.01
    ek658     ro369              -1.   ro370               1.
    ek658     ro375               1.   object     1000000000.
    ek659     ro372              -1.   ro379               1.
    ek659     ro381               1.   object            -.01
    ek660     ro372              -1.   ro379               1.
    ek660     ro381               1.   object     1000000000.
    ek661     ro375              -1.   ro377               1.
    ek661     ro378               1.   object            -.01
    ek662     ro375              -1.   ro377               1.
    ek662     ro378               1.   object     1000000000.
    ek663     ro355              -1.   object      -10000000.
    ek664     ro355              -1.   object            -.01
    ek665     ro355              -1.   object     1000000000.
    ek666     ro320               1.   ro330              -1.
    ek666     ro331              -1.   object            -.01
    ek667     ro320               1.   ro330              -1.
    ek667     ro331              -1.   object     1000000000.
    ek668     ro388              -1.   ro389              -1.
    ek668     ro390               1.   object            -.01
    ek669     ro388              -1.   ro389              -1.
    ek669     ro390               1.   object     1000000000.
    ek670     ro401              -1.   ro404              -1.
    ek670     ro406               1.   object            -.01
    ek671     ro401              -1.   ro404              -1.
    ek671     ro406               1.   object     1000000000.
    ek672     ro327               1.   ro329               1.
    ek672     ro348              -1.   object            -.01
    ek673     ro327               1.   ro329               1.
    ek673     ro348              -1.   object     1000000000.
    ek674     ro399               1.   ro400              -1.
    ek674     ro404               1.   object            -.01
    ek675     ro399               1.   ro400              -1.
    ek675     ro404               1.   object     1000000000.
    ek676     ro325               1.   ro447              -1.
    ek676     ro448               1.   object            -.01
    ek677     ro325               1.   ro447              -1.
    ek677     ro448               1.   object     1000000000.
    ek678     ro386               1.   ro387               1.
    ek678     object            -.01
    ek679     ro386               1.   ro387               1.
    ek679     object     1000000000.
    ek680     ro363               1.   ro365              -1.
    ek680     ro366               1.   object            -.01
    ek681     ro363               1.   ro365              -1.
    ek681     ro366               1.   object     1000000000.
    ek682     ro353               1.   ro356               1.
    ek682     ro411              -1.   object            -.01
    ek683     ro353               1.   ro356               1.
    ek683     ro411              -1.   object     1000000000.
    ek684     ro416              -1.   ro417               1.
    ek684     object            -.01
    ek685     ro416              -1.   ro417               1.
    ek685     object     1000000000.
    ek686     ro405               1.   ro406              -1.
    ek686     ro407               1.   object            -.01
    ek687     ro405               1.   ro406              -1.
    ek687     ro407               1.   object     1000000000.
    ek688     ro328               1.   ro422              -1.
    ek688     ro440              -1.   object            -.01
    ek689     ro328               1.   ro422              -1.
    ek689     ro440              -1.   object     1000000000.
    ek690     ro361               1.   ro362              -1.
    ek690     ro369               1.   ro377              -1.
    ek690     object            -.01
    ek691     ro361               1.   ro362              -1.
    ek691     ro369               1.   ro377              -1.
    ek691     object     1000000000.
    ek692     ro317              -1.   ro448              -1.
    ek692     ro449               1.   object            -.01
    ek693     ro317              -1.   ro448              -1.
    ek693     ro449               1.   object     1000000000.
    ek694     ro322               1.   ro347              -1.
    ek694     ro348               1.   object            -.01
    ek695     ro322               1.   ro347              -1.
    ek695     ro348               1.   object     1000000000.
    ek696     ro324               1.   ro423              -1.
    ek696     ro424               1.   object            -.01
    ek697     ro324               1.   ro423              -1.
    ek697     ro424               1.   object     1000000000.
    ek698     ro333              -1.   ro336              -1.
    ek698     ro337              -1.   ro421              -1.
    ek698     object            -.01
    ek699     ro333              -1.   ro336              -1.
    ek699     ro337              -1.   ro421              -1.
    ek699     object     1000000000.
    ek700     ro350               1.   ro351              -1.
    ek700     object            -.01
    ek701     ro350               1.   ro351              -1.
    ek701     object     1000000000.
    ek702     ro365               1.   ro370              -1.
    ek702     ro371               1.   object            -.01
    ek703     ro365               1.   ro370              -1.
    ek703     ro371               1.   object     1000000000.
    ek704     ro373              -1.   ro374               1.
    ek704     object            -.01
    ek705     ro373              -1.   ro374               1.
    ek705     object     1000000000.
    ek706     ro376              -1.   ro378              -1.
    ek706     ro379              -1.   object            -.01
    ek707     ro376              -1.   ro378              -1.
    ek707     ro379              -1.   object     1000000000.
    ek708     ro396               1.   ro397              -1.
    ek708     ro451               1.   object            -.01
    ek709     ro396               1.   ro397              -1.
    ek709     ro451               1.   object     1000000000.
    ek710     ro397               1.   ro398              -1.
    ek710     object            -.01
    ek711     ro397               1.   ro398              -1.
    ek711     object     1000000000.
    ek712     ro408               1.   ro409              -1.
    ek712     ro446               1.   object            -.01
    ek713     ro408               1.   ro409              -1.
    ek713     ro446               1.   object     1000000000.
    ek714     ro409               1.   ro410              -1.
    ek714     object            -.01
    ek715     ro409               1.   ro410              -1.
    ek715     object     1000000000.
    ek716     ro414              -1.   ro415               1.
    ek716     ro420              -1.   object            -.01
    ek717     ro414              -1.   ro415               1.
    ek717     ro420              -1.   object     1000000000.
    ek718     ro415              -1.   ro416               1.
    ek718     ro418              -1.   ro450               1.
    ek718     object            -.01
    ek719     ro415              -1.   ro416               1.
    ek719     ro418              -1.   ro450               1.
    ek719     object     1000000000.
    ek720     ro424              -1.   ro425               1.
    ek720     ro444              -1.   object            -.01
    ek721     ro424              -1.   ro425               1.
    ek721     ro444              -1.   object     1000000000.
    ek722     ro430               1.   ro431              -1.
    ek722     ro435              -1.   object            -.01
    ek723     ro430               1.   ro431              -1.
    ek723     ro435              -1.   object     1000000000.
    ek724     ro430              -1.   ro439              -1.
    ek724     ro440               1.   object            -.01
    ek725     ro430              -1.   ro439              -1.
    ek725     ro440               1.   object     1000000000.
    ek726     ro437               1.   ro438              -1.
    ek726     object            -.01
    ek727     ro437               1.   ro438              -1.
    ek727     object     1000000000.
    ek728     ro442               1.   ro443              -1.
    ek728     ro445              -1.   object            -.01
    ek729     ro442               1.   ro443              -1.
    ek729     ro445              -1.   object     1000000000.
    ek730     ro169              -1.
    ek731     ro170             108.
    ek732     ro171             -1.4
    ek733     ro172            -68.7
    ek734     ro173           -18.28   object              1.
    ek735     ro174              -1.
    ek736     ro175             126.
    ek737     ro176            -1.36
    ek738     ro177           -66.96
    ek739     ro178           -18.28   object              1.
    ek740     ro179              -1.
    ek741     ro180             25.5
    ek742     ro181           -1.495
    ek743     ro182          -16.192
    ek744     ro183           -18.28   object              1.
    ek745     ro184              -1.
    ek746     ro185             174.
    ek747     ro186            -1.64
    ek748     ro187            -53.7
    ek749     ro188           -18.28   object              1.
    ek750     ro189              -1.
    ek751     ro190             250.
    ek752     ro191            -1.64
    ek753     ro192           -153.7
    ek754     ro193           -18.28   object              1.
    ek755     ro194              -1.
    ek756     ro195             200.
    ek757     ro196             -1.8
    ek758     ro197            -181.
    ek759     ro198           -18.28   object              1.
    ek760     ro199              -1.
    ek761     ro200             108.
    ek762     ro201           -1.454
    ek763     ro202          -50.324
    ek764     ro203           -18.28   object              1.
    ek765     ro204              -1.
    ek766     ro205             194.
    ek767     ro206           -1.315
    ek768     ro207          -124.13
    ek769     ro208           -18.28   object              1.
    ek770     ro209              -1.
    ek771     ro210             108.
    ek772     ro211            -1.37
    ek773     ro212           -78.36
    ek774     ro213           -18.28   object              1.
    ek775     ro214              -1.
    ek776     ro215              10.
    ek777     ro216            -1.24
    ek778     ro217            -5.68
    ek779     ro218           -18.28   object              1.
    ek780     ro219              -1.
    ek781     ro220              92.
    ek782     ro221            -1.75
    ek783     ro222           -116.5
    ek784     ro223           -18.28   object              1.
    ek785     ro224              -1.
    ek786     ro225             110.
    ek787     ro226           -1.325
    ek788     ro227           -83.05
    ek789     ro228           -18.28   object              1.
    ek790     ro229              -1.
    ek791     ro230              11.
    ek792     ro231             -1.2
    ek793     ro232            -4.84
    ek794     ro233           -18.28   object              1.
    ek795     ro234              -1.
    ek796     ro235              22.
    ek797     ro236             -1.2
    ek798     ro237            -9.68
    ek799     ro238           -18.28   object              1.
    ek800     ro239              -1.
    ek801     ro240             25.5
    ek802     ro241           -1.495
    ek803     ro242          -17.723
    ek804     ro243           -18.28   object              1.
    ek805     ro244              -1.
    ek806     ro245             252.
    ek807     ro246            -1.34
    ek808     ro247          -178.18
    ek809     ro248           -18.28   object              1.
    ek810     ro249              -1.
    ek811     ro250             -80.
    ek812     ro251              -1.
    ek813     ro252             -26.
    ek814     ro254              -1.
    ek815     ro255            -12.4
    ek816     ro256              -1.
    ek817     ro257             -51.
    ek818     ro258              -1.
    ek819     ro259             -10.
    ek820     ro260              -1.
    ek821     ro261            -100.
    ek822     ro262              -1.
    ek823     ro263            -46.2
    ek824     ro264              -1.
    ek825     ro265            -100.
    ek826     ro266              -1.
    ek827     ro267            -100.
    ek828     ro268              -1.
    ek829     ro269            -20.2
    ek830     ro270              -1.
    ek831     ro271            -100.
    ek832     ro272              -1.
    ek833     ro273             -4.5
    ek834     ro274              -1.
    ek835     ro275            -18.2
    ek836     ro276              -1.
    ek837     ro277            -100.
    ek838     ro278              -1.
    ek839     ro279             -26.
    ek840     ro280              -1.
    ek841     ro281            -100.
    ek842     ro282              -1.
    ek843     ro283             -2.4
    ek844     ro284              -1.
    ek845     ro285            -18.2
    ek846     ro286              -1.
    ek847     ro287             -10.
    ek848     ro288              -1.
    ek849     ro289            -25.9
    ek850     ro290              -1.
    ek851     ro291             -10.
    ek852     ro292              -1.
    ek853     ro293            -28.3
    ek854     ro294              -1.
    ek855     ro295             -2.8
    ek856     ro453               1.
    ek857     ro454               1.
    ek858     ro455               1.
    ek859     ro456               1.
    ek860     ro457               1.
    ek861     ro458               1.
    ek862     ro459               1.
RHS
    rhs       ro1              3518.   ro2             3271.7
    rhs       ro3             16218.   ro4             -7036.
    rhs       ro5             7247.1   ro6             -1372.
    rhs       ro7              6243.   ro8             7769.2
    rhs       ro9             9460.5   ro10           -16710.
    rhs       ro11             3518.   ro12       -2.8422E-14
    rhs       ro13             3518.   ro14       -2.8422E-14
    rhs       ro15            14635.   ro16            -3518.
    rhs       ro17             3518.   ro18       -2.8422E-14
    rhs       ro19       -2.8422E-14   ro20             3518.
    rhs       ro21            -3518.   ro22            4480.5
    rhs       ro23           -8443.2   ro24             7036.
    rhs       ro25       -2.8422E-14   ro26       -2.8422E-14
    rhs       ro27             3518.   ro28       -2.8422E-14
    rhs       ro29            4277.9   ro30            5593.6
    rhs       ro31            21425.   ro32            53620.
    rhs       ro33       -2.8422E-14   ro34             3518.
    rhs       ro35            -3518.   ro36            -7036.
    rhs       ro37            21318.   ro38            -3518.
    rhs       ro39            7014.9   ro40           -900.61
    rhs       ro41             3518.   ro42            -3518.
    rhs       ro43            8302.5   ro44           -2673.7
    rhs       ro45           -3433.6   ro46             7036.
    rhs       ro47            -3518.   ro48             451.5
    rhs       ro49             3518.   ro50           -14188.
    rhs       ro51            19208.   ro52            22621.
    rhs       ro53             7036.   ro54           -3749.3
    rhs       ro55            3517.6   ro56            -7036.
    rhs       ro57             3518.   ro58            -7036.
    rhs       ro59            -7036.   ro60            38135.
    rhs       ro62            6895.3   ro63            1249.5
    rhs       ro64            22200.   ro68             7036.
    rhs       ro69            5108.8   ro70            2389.5
    rhs       ro71            9322.7   ro72             5218.
    rhs       ro73            11486.   ro74            4926.4
    rhs       ro75            1044.8   ro81            34617.
    rhs       ro82            25249.   ro83            11471.
    rhs       ro84            9076.4   ro85           -89166.
    rhs       ro86           -62645.   ro87           -5871.2
    rhs       ro88            -1.106   ro89            4877.2
    rhs       ro90           -1020.5   ro91           -15019.
    rhs       ro92            7932.2   ro93            2720.1
    rhs       ro94            10543.   ro95            2958.7
    rhs       ro97           -9440.1   ro98           -15579.
    rhs       ro99           -1180.7   ro100          -4316.1
    rhs       ro101          -47834.   ro103           1141.1
    rhs       ro104          -43566.   ro105          -7725.9
    rhs       ro106          -9920.2   ro107          -8632.3
    rhs       ro109          -1127.8   ro110          -1115.7
    rhs       ro111          -22319.   ro112          -2679.3
    rhs       ro113          -4917.2   ro114          -535.52
    rhs       ro115          -2768.2   ro116          -4368.4
    rhs       ro117          -46881.   ro118          -43665.
    rhs       ro119          -22609.   ro120           89597.
    rhs       ro121           76165.   ro122           6332.4
    rhs       ro123           132.03   ro124           29721.
    rhs       ro125           19595.   ro126           3263.4
    rhs       ro127           21687.   ro128           20104.
    rhs       ro129           25717.   ro130           39507.
    rhs       ro131            1372.   ro132           20791.
    rhs       ro133           1177.1   ro134           3281.8
    rhs       ro135           8192.7   ro136           24992.
    rhs       ro137           4210.3   ro138           6729.8
    rhs       ro139           31321.   ro140           4488.5
    rhs       ro141            54.74   ro143           1007.6
    rhs       ro144           16509.   ro145           19671.
    rhs       ro146           4186.2   ro147           10359.
    rhs       ro148           247.35   ro149           20101.
    rhs       ro169           -118.6   ro170          -21403.
    rhs       ro171          -198.24   ro172          -10992.
    rhs       ro173           51142.   ro174           -118.6
    rhs       ro175          -24987.   ro176          -190.28
    rhs       ro177          -10176.   ro178           51142.
    rhs       ro179           -137.5   ro180          -4977.1
    rhs       ro181          -236.05   ro182          -2679.8
    rhs       ro183           51476.   ro184           -131.9
    rhs       ro185          -34543.   ro186          -259.32
    rhs       ro187          -9864.3   ro188           51377.
    rhs       ro189           -131.9   ro190          -49675.
    rhs       ro191          -259.32   ro192          -26818.
    rhs       ro193           51377.   ro194           -131.9
    rhs       ro195          -39720.   ro196          -291.18
    rhs       ro197          -29316.   ro198           51377.
    rhs       ro199           -131.9   ro200          -21403.
    rhs       ro201          -222.29   ro202          -7733.5
    rhs       ro203           51377.   ro204           -131.9
    rhs       ro205          -38525.   ro206          -194.62
    rhs       ro207          -19587.   ro208           51377.
    rhs       ro209           -138.1   ro210          -21403.
    rhs       ro211          -211.77   ro212          -12652.
    rhs       ro213           51486.   ro214             20.9
    rhs       ro215            -496.   ro216            6.596
    rhs       ro217           -4.528   ro218           14216.
    rhs       ro219           -118.6   ro220          -18217.
    rhs       ro221          -267.93   ro222          -18605.
    rhs       ro223           51142.   ro224           -118.6
    rhs       ro225          -21801.   ro226          -183.31
    rhs       ro227          -12089.   ro228           51142.
    rhs       ro229           -118.6   ro230          -2090.1
    rhs       ro231          -158.42   ro232          -679.94
    rhs       ro233           51142.   ro234           -118.6
    rhs       ro235          -4280.2   ro236          -158.42
    rhs       ro237          -1369.9   ro238           51142.
    rhs       ro239           -118.6   ro240          -4977.1
    rhs       ro241          -217.15   ro242          -2814.8
    rhs       ro243           51142.   ro244           -131.8
    rhs       ro245          -50073.   ro246          -199.49
    rhs       ro247          -28251.   ro248           51375.
    rhs       ro249               2.   ro250          -15900.
    rhs       ro251            133.3   ro252          -1634.2
    rhs       ro253            133.3   ro254      .0000008058
    rhs       ro255           -2380.   ro256            133.3
    rhs       ro257          -3301.7   ro258       .000000999
    rhs       ro259           -1900.   ro260              3.6
    rhs       ro261          -19900.   ro262           -133.3
    rhs       ro263           -9140.   ro264     .00000009999
    rhs       ro265          -19900.   ro266     .00000009999
    rhs       ro267          -19900.   ro268               2.
    rhs       ro269           -3940.   ro270     .00000009999
    rhs       ro271          -19900.   ro272            -118.
    rhs       ro273            -800.   ro274            -134.
    rhs       ro275           -3540.   ro276            -120.
    rhs       ro277          -19900.   ro278               2.
    rhs       ro279           -5100.   ro280            133.3
    rhs       ro281           -6570.   ro282             122.
    rhs       ro283             -92.   ro284               2.
    rhs       ro285           -3540.   ro286             122.
    rhs       ro287            -700.   ro288             122.
    rhs       ro289           -1972.   ro290             122.
    rhs       ro291            -700.   ro292             122.
    rhs       ro293           -2164.   ro294               2.
    rhs       ro295            -460.   ro296             120.
    rhs       ro298           -138.9   ro310            -120.
    rhs       ro315             120.   ro316             130.
    rhs       ro317             120.   ro319             120.
    rhs       ro324            -120.   ro326            134.3
    rhs       ro327           -134.5   ro328            134.3
    rhs       ro331            134.5   ro335            133.3
    rhs       ro336            133.3   ro340            133.5
    rhs       ro346            133.5   ro349            -120.
    rhs       ro350            -120.   ro351             120.
    rhs       ro352             120.   ro354            134.5
    rhs       ro360            133.5   ro362            133.3
    rhs       ro368            133.2   ro384            -120.
    rhs       ro387            -120.   ro388             120.
    rhs       ro389            133.5   ro391             150.
    rhs       ro392            129.4   ro394            133.3
    rhs       ro400             120.   ro412             120.
    rhs       ro413            139.5   ro419            139.5
    rhs       ro421            133.3   ro422            -14.3
    rhs       ro423            136.2   ro426            16.05
    rhs       ro427             120.   ro428             120.
    rhs       ro431             120.   ro433             120.
    rhs       ro434            -120.   ro435             120.
    rhs       ro436             120.   ro438            133.3
    rhs       ro439             120.   ro440           -134.3
    rhs       ro441            -18.9   ro443             120.
    rhs       ro444             120.   ro445             120.
    rhs       ro446            -120.   ro447             120.
BOUNDS
 UP bound     ek1                 0.
 LO bound     ek1              -100.
 UP bound     ek3                 0.
 LO bound     ek3              -100.
 UP bound     ek5                 0.
 LO bound     ek5              -100.
 UP bound     ek7                 0.
 LO bound     ek7              -100.
 UP bound     ek9                 0.
 LO bound     ek9              -100.
 UP bound     ek11                0.
 LO bound     ek11             -100.
 UP bound     ek13                0.
 LO bound     ek13             -100.
 UP bound     ek15                0.
 LO bound     ek15             -100.
 UP bound     ek17                0.
 LO bound     ek17             -100.
 UP bound     ek19                0.
 LO bound     ek19             -100.
 UP bound     ek21                0.
 LO bound     ek21             -100.
 UP bound     ek23                0.
 LO bound     ek23             -100.
 UP bound     ek25                0.
 LO bound     ek25             -100.
 UP bound     ek27                0.
 LO bound     ek27             -100.
 UP bound     ek29                0.
 LO bound     ek29             -100.
 UP bound     ek31                0.
 LO bound     ek31             -100.
 UP bound     ek33                0.
 LO bound     ek33             -100.
 UP bound     ek35                0.
 LO bound     ek35             -100.
 MI bound     ek37
 UP bound     ek39                0.
 LO bound     ek39             -100.
 UP bound     ek41                0.
 LO bound     ek41             -100.
 UP bound     ek43                0.
 LO bound     ek43             -100.
 UP bound     ek45                0.
 LO bound     ek45             -100.
 UP bound     ek47                0.
 LO bound     ek47             -100.
 UP bound     ek49                0.
 LO bound     ek49             -100.
 UP bound     ek51                0.
 LO bound     ek51             -100.
 UP bound     ek53                0.
 LO bound     ek53             -100.
 UP bound     ek55                0.
 LO bound     ek55             -100.
 UP bound     ek57                0.
 LO bound     ek57             -100.
 UP bound     ek59                0.
 LO bound     ek59             -100.
 UP bound     ek61                0.
 LO bound     ek61             -100.
 UP bound     ek63                0.
 LO bound     ek63             -100.
 UP bound     ek65                0.
 LO bound     ek65             -100.
 UP bound     ek67                0.
 LO bound     ek67             -100.
 UP bound     ek69                0.
 LO bound     ek69             -100.
 UP bound     ek71                0.
 LO bound     ek71             -100.
 UP bound     ek73                0.
 LO bound     ek73             -100.
 UP bound     ek75                0.
 LO bound     ek75             -100.
 UP bound     ek77                0.
 LO bound     ek77             -100.
 UP bound     ek79                0.
 LO bound     ek79             -100.
 MI bound     ek81
 MI bound     ek83
 MI bound     ek85
 MI bound     ek87
 MI bound     ek89
 MI bound     ek91
 MI bound     ek93
 MI bound     ek95
 MI bound     ek97
 MI bound     ek99
 MI bound     ek101
 MI bound     ek103
 MI bound     ek105
 MI bound     ek107
 MI bound     ek109
 MI bound     ek111
 MI bound     ek113
 MI bound     ek115
 UP bound     ek117               0.
 LO bound     ek117           -304.5
 UP bound     ek118               0.
 LO bound     ek118           -2212.
 UP bound     ek119               0.
 LO bound     ek119          -1780.7
 UP bound     ek120               0.
 LO bound     ek120           -159.5
 UP bound     ek121               0.
 LO bound     ek121           -110.6
 UP bound     ek122               0.
 LO bound     ek122             -38.
 UP bound     ek123               0.
 LO bound     ek123             -2.6
 UP bound     ek124               0.
 LO bound     ek124              -.5
 UP bound     ek125               0.
 LO bound     ek125            -23.5
 UP bound     ek126               0.
 LO bound     ek126            -375.
 UP bound     ek127               0.
 LO bound     ek127           -389.9
 UP bound     ek128             500.
 LO bound     ek128               0.
 UP bound     ek129            3000.
 LO bound     ek129               0.
 UP bound     ek130            4000.
 LO bound     ek130               0.
 UP bound     ek131            4000.
 LO bound     ek131               0.
 UP bound     ek132            2000.
 LO bound     ek132               0.
 UP bound     ek133               0.
 LO bound     ek133            -100.
 UP bound     ek134               0.
 LO bound     ek134            -140.
 UP bound     ek135               0.
 LO bound     ek135           -246.8
 UP bound     ek136               0.
 LO bound     ek136            -384.
 UP bound     ek137               0.
 LO bound     ek137            -28.7
 UP bound     ek138               0.
 LO bound     ek138           -117.5
 UP bound     ek139               0.
 LO bound     ek139            -100.
 UP bound     ek140               0.
 LO bound     ek140             -60.
 UP bound     ek141            4000.
 LO bound     ek141               0.
 UP bound     ek142            4000.
 LO bound     ek142               0.
 UP bound     ek143               0.
 LO bound     ek143          -1080.3
 UP bound     ek144               0.
 LO bound     ek144           -193.1
 UP bound     ek145               0.
 LO bound     ek145           -256.6
 UP bound     ek146               0.
 LO bound     ek146           -198.9
 UP bound     ek147            4000.
 LO bound     ek147               0.
 UP bound     ek148               0.
 LO bound     ek148             -27.
 UP bound     ek149               0.
 LO bound     ek149            -26.5
 UP bound     ek150               0.
 LO bound     ek150           -526.9
 UP bound     ek151             23.1
 LO bound     ek151               0.
 UP bound     ek152               0.
 LO bound     ek152            -68.7
 UP bound     ek153              1.3
 LO bound     ek153               0.
 UP bound     ek154               0.
 LO bound     ek154           -122.9
 UP bound     ek155             27.1
 LO bound     ek155               0.
 UP bound     ek156               0.
 LO bound     ek156            -13.2
 UP bound     ek157              1.8
 LO bound     ek157               0.
 UP bound     ek158               0.
 LO bound     ek158             -6.8
 UP bound     ek159              3.2
 LO bound     ek159               0.
 UP bound     ek160               0.
 LO bound     ek160            -67.5
 UP bound     ek161              2.5
 LO bound     ek161               0.
 UP bound     ek162               0.
 LO bound     ek162           -131.5
 UP bound     ek163               0.
 LO bound     ek163          -1430.8
 UP bound     ek164               0.
 LO bound     ek164           -1087.
 UP bound     ek165               0.
 LO bound     ek165           -555.1
 UP bound     ek166               0.
 LO bound     ek166           -1300.
 UP bound     ek167               0.
 LO bound     ek167             -36.
 UP bound     ek168               0.
 LO bound     ek168          -2546.8
 UP bound     ek169               0.
 LO bound     ek169           -2165.
 UP bound     ek170               0.
 LO bound     ek170            -984.
 UP bound     ek171               0.
 LO bound     ek171            -743.
 UP bound     ek172               0.
 LO bound     ek172          -77.459
 UP bound     ek173               0.
 LO bound     ek173            -21.6
 UP bound     ek174               0.
 LO bound     ek174            -180.
 UP bound     ek175               0.
 LO bound     ek175           -3.753
 UP bound     ek176               0.
 LO bound     ek176            -.469
 UP bound     ek177               0.
 LO bound     ek177          -844.84
 UP bound     ek178               0.
 LO bound     ek178          -268.92
 UP bound     ek179               0.
 LO bound     ek179            -193.
 UP bound     ek180               0.
 LO bound     ek180            -557.
 UP bound     ek181               0.
 LO bound     ek181            -110.
 UP bound     ek182               0.
 LO bound     ek182          -92.763
 UP bound     ek183               0.
 LO bound     ek183          -616.46
 FX bound     ek184               0.
 UP bound     ek185               0.
 LO bound     ek185          -571.46
 UP bound     ek186               0.
 LO bound     ek186            -269.
 UP bound     ek187               0.
 LO bound     ek187            -509.
 UP bound     ek188               0.
 LO bound     ek188             -2.4
 UP bound     ek189               0.
 LO bound     ek189              -.3
 UP bound     ek190               0.
 LO bound     ek190            -29.7
 UP bound     ek191               0.
 LO bound     ek191             -61.
 UP bound     ek192               0.
 LO bound     ek192          -112.83
 UP bound     ek193               0.
 LO bound     ek193            -196.
 UP bound     ek194               0.
 LO bound     ek194            -731.
 UP bound     ek195               0.
 LO bound     ek195           -717.7
 UP bound     ek196               0.
 LO bound     ek196           -1123.
 UP bound     ek197               0.
 LO bound     ek197             -39.
 UP bound     ek198               0.
 LO bound     ek198            -99.4
 UP bound     ek199               0.
 LO bound     ek199            -259.
 UP bound     ek200               0.
 LO bound     ek200            -591.
 UP bound     ek201               0.
 LO bound     ek201           -33.46
 UP bound     ek202               0.
 LO bound     ek202            -200.
 UP bound     ek203               0.
 LO bound     ek203            -265.
 UP bound     ek204               0.
 LO bound     ek204          -93.286
 UP bound     ek205               0.
 LO bound     ek205            -361.
 UP bound     ek206               0.
 LO bound     ek206          -232.88
 UP bound     ek207               0.
 LO bound     ek207           -27.36
 UP bound     ek208               0.
 LO bound     ek208           -710.4
 UP bound     ek209               0.
 LO bound     ek209          -119.68
 UP bound     ek210               0.
 LO bound     ek210          -140.03
 UP bound     ek211               0.
 LO bound     ek211           -191.3
 UP bound     ek212               0.
 LO bound     ek212           -890.3
 UP bound     ek213               0.
 LO bound     ek213            -74.4
 FX bound     ek214               0.
 UP bound     ek215               0.
 LO bound     ek215             -24.
 UP bound     ek216               0.
 LO bound     ek216           -326.5
 UP bound     ek217               0.
 LO bound     ek217          -127.59
 UP bound     ek218               0.
 LO bound     ek218           -1.556
 UP bound     ek219               0.
 LO bound     ek219          -148.32
 FX bound     ek220               0.
 UP bound     ek221               0.
 LO bound     ek221           -77.32
 UP bound     ek222               0.
 LO bound     ek222          -28.641
 UP bound     ek223               0.
 LO bound     ek223            -258.
 UP bound     ek224               0.
 LO bound     ek224          -32.437
 UP bound     ek225               0.
 LO bound     ek225          -145.22
 UP bound     ek226               0.
 LO bound     ek226          -469.26
 UP bound     ek227               0.
 LO bound     ek227          -35.518
 UP bound     ek228               0.
 LO bound     ek228          -11.647
 UP bound     ek229               0.
 LO bound     ek229          -559.14
 UP bound     ek230               0.
 LO bound     ek230          -67.922
 UP bound     ek231               0.
 LO bound     ek231          -1724.2
 UP bound     ek232               0.
 LO bound     ek232          -320.84
 UP bound     ek233               0.
 LO bound     ek233            -119.
 UP bound     ek234               0.
 LO bound     ek234            -142.
 UP bound     ek235               0.
 LO bound     ek235          -505.98
 UP bound     ek236               0.
 LO bound     ek236            -316.
 UP bound     ek237               0.
 LO bound     ek237            -106.
 UP bound     ek238               0.
 LO bound     ek238          -84.103
 UP bound     ek239               0.
 LO bound     ek239          -326.07
 UP bound     ek240               0.
 LO bound     ek240          -294.47
 UP bound     ek241               0.
 LO bound     ek241           -7.031
 UP bound     ek242               0.
 LO bound     ek242          -225.48
 UP bound     ek243               0.
 LO bound     ek243            -446.
 UP bound     ek244               0.
 LO bound     ek244           -299.7
 UP bound     ek245               0.
 LO bound     ek245           -1084.
 UP bound     ek246               0.
 LO bound     ek246          -571.38
 UP bound     ek247               0.
 LO bound     ek247          -631.04
 FR bound     ek248
 FR bound     ek249
 FR bound     ek250
 FR bound     ek251
 FR bound     ek252
 FR bound     ek253
 FR bound     ek254
 FR bound     ek255
 FR bound     ek256
 FR bound     ek257
 FR bound     ek258
 FR bound     ek259
 FR bound     ek260
 FR bound     ek261
 FR bound     ek262
 FR bound     ek263
 FR bound     ek264
 FR bound     ek265
 FR bound     ek266
 FR bound     ek267
 FR bound     ek268
 FR bound     ek269
 FR bound     ek270
 FR bound     ek271
 FR bound     ek272
 FR bound     ek273
 FR bound     ek274
 FR bound     ek275
 FR bound     ek276
 FR bound     ek277
 FR bound     ek278
 FR bound     ek279
 FR bound     ek280
 FR bound     ek281
 FR bound     ek282
 FR bound     ek283
 FR bound     ek284
 FR bound     ek285
 FR bound     ek286
 FR bound     ek287
 FR bound     ek288
 FR bound     ek289
 FR bound     ek290
 FR bound     ek291
 FR bound     ek292
 FR bound     ek293
 FR bound     ek294
 FR bound     ek295
 FR bound     ek296
 FR bound     ek297
 FR bound     ek298
 FR bound     ek299
 FR bound     ek300
 FR bound     ek301
 FR bound     ek302
 FR bound     ek303
 FR bound     ek304
 FR bound     ek305
 FR bound     ek306
 FR bound     ek307
 FR bound     ek308
 FR bound     ek309
 FR bound     ek310
 FR bound     ek311
 FR bound     ek312
 FR bound     ek313
 FR bound     ek314
 FR bound     ek315
 FR bound     ek316
 FR bound     ek317
 FR bound     ek318
 FR bound     ek319
 FR bound     ek320
 FR bound     ek321
 FR bound     ek322
 FR bound     ek323
 FR bound     ek324
 FR bound     ek325
 FR bound     ek326
 FR bound     ek327
 FR bound     ek328
 FR bound     ek329
 FR bound     ek330
 FR bound     ek331
 FR bound     ek332
 FR bound     ek333
 FR bound     ek334
 FR bound     ek335
 FR bound     ek336
 FR bound     ek337
 FR bound     ek338
 FR bound     ek339
 FR bound     ek340
 FR bound     ek341
 FR bound     ek342
 FR bound     ek343
 FR bound     ek344
 FR bound     ek345
 FR bound     ek346
 FR bound     ek347
 FR bound     ek348
 FR bound     ek349
 FR bound     ek350
 FR bound     ek351
 FR bound     ek352
 FR bound     ek353
 FR bound     ek354
 FR bound     ek355
 FR bound     ek356
 FR bound     ek357
 FR bound     ek358
 FR bound     ek359
 FR bound     ek360
 FR bound     ek361
 FR bound     ek362
 FR bound     ek363
 FR bound     ek364
 FR bound     ek365
 FR bound     ek366
 FR bound     ek367
 FR bound     ek368
 FR bound     ek369
 FR bound     ek370
 FR bound     ek371
 FR bound     ek372
 FR bound     ek373
 FR bound     ek374
 FR bound     ek375
 FR bound     ek376
 FR bound     ek377
 FR bound     ek378
 FR bound     ek379
 FR bound     ek380
 FR bound     ek381
 FR bound     ek382
 FR bound     ek383
 FR bound     ek384
 FR bound     ek385
 FR bound     ek386
 MI bound     ek387
 MI bound     ek389
 MI bound     ek391
 MI bound     ek393
 MI bound     ek395
 MI bound     ek397
 MI bound     ek399
 MI bound     ek401
 MI bound     ek403
 MI bound     ek405
 MI bound     ek407
 MI bound     ek409
 MI bound     ek411
 MI bound     ek413
 MI bound     ek415
 MI bound     ek417
 MI bound     ek419
 MI bound     ek421
 MI bound     ek423
 MI bound     ek425
 MI bound     ek427
 MI bound     ek429
 MI bound     ek431
 MI bound     ek433
 MI bound     ek435
 MI bound     ek437
 MI bound     ek439
 MI bound     ek441
 MI bound     ek443
 MI bound     ek445
 MI bound     ek447
 MI bound     ek449
 MI bound     ek451
 MI bound     ek453
 MI bound     ek455
 MI bound     ek457
 MI bound     ek459
 MI bound     ek461
 MI bound     ek463
 MI bound     ek465
 MI bound     ek467
 MI bound     ek469
 MI bound     ek471
 MI bound     ek473
 UP bound     ek474               0.
 LO bound     ek474            -174.
 MI bound     ek476
 UP bound     ek477               0.
 LO bound     ek477            -191.
 MI bound     ek479
 MI bound     ek481
 MI bound     ek483
 MI bound     ek485
 MI bound     ek487
 MI bound     ek489
 MI bound     ek491
 MI bound     ek493
 MI bound     ek495
 MI bound     ek497
 MI bound     ek499
 MI bound     ek501
 MI bound     ek503
 MI bound     ek505
 MI bound     ek507
 MI bound     ek509
 MI bound     ek511
 MI bound     ek513
 MI bound     ek515
 MI bound     ek517
 MI bound     ek519
 MI bound     ek521
 MI bound     ek523
 MI bound     ek525
 MI bound     ek527
 MI bound     ek529
 MI bound     ek531
 MI bound     ek533
 MI bound     ek535
 MI bound     ek537
 MI bound     ek539
 MI bound     ek541
 MI bound     ek543
 MI bound     ek545
 MI bound     ek547
 MI bound     ek549
 MI bound     ek551
 MI bound     ek553
 MI bound     ek555
 MI bound     ek557
 MI bound     ek559
 MI bound     ek561
 MI bound     ek563
 MI bound     ek565
 MI bound     ek567
 MI bound     ek569
 MI bound     ek571
 MI bound     ek573
 UP bound     ek575               0.
 MI bound     ek575
 MI bound     ek577
 MI bound     ek579
 MI bound     ek581
 MI bound     ek583
 MI bound     ek585
 MI bound     ek587
 MI bound     ek589
 MI bound     ek591
 MI bound     ek593
 MI bound     ek595
 MI bound     ek597
 MI bound     ek599
 MI bound     ek601
 MI bound     ek603
 MI bound     ek605
 MI bound     ek607
 MI bound     ek609
 MI bound     ek611
 MI bound     ek613
 MI bound     ek615
 MI bound     ek617
 MI bound     ek619
 MI bound     ek621
 MI bound     ek623
 MI bound     ek625
 MI bound     ek627
 LO bound     ek628           -148.5
 MI bound     ek630
 LO bound     ek631            -150.
 MI bound     ek633
 MI bound     ek635
 MI bound     ek637
 MI bound     ek639
 LO bound     ek640           -156.5
 MI bound     ek642
 MI bound     ek644
 MI bound     ek646
 MI bound     ek648
 MI bound     ek650
 MI bound     ek652
 MI bound     ek654
 LO bound     ek655            -157.
 MI bound     ek657
 MI bound     ek659
 MI bound     ek661
 MI bound     ek663
 UP bound     ek664               0.
 LO bound     ek664           -156.5
 MI bound     ek666
 MI bound     ek668
 MI bound     ek670
 MI bound     ek672
 MI bound     ek674
 MI bound     ek676
 MI bound     ek678
 MI bound     ek680
 MI bound     ek682
 MI bound     ek684
 MI bound     ek686
 MI bound     ek688
 MI bound     ek690
 MI bound     ek692
 MI bound     ek694
 MI bound     ek696
 MI bound     ek698
 MI bound     ek700
 MI bound     ek702
 MI bound     ek704
 MI bound     ek706
 MI bound     ek708
 MI bound     ek710
 MI bound     ek712
 MI bound     ek714
 MI bound     ek716
 MI bound     ek718
 MI bound     ek720
 MI bound     ek722
 MI bound     ek724
 MI bound     ek726
 MI bound     ek728
 MI bound     ek730
 MI bound     ek731
 FR bound     ek734
 MI bound     ek735
 MI bound     ek736
 FR bound     ek739
 UP bound     ek740               0.
 MI bound     ek740
 UP bound     ek741               0.
 MI bound     ek741
 FR bound     ek744
 MI bound     ek745
 MI bound     ek746
 FR bound     ek749
 MI bound     ek750
 MI bound     ek751
 FR bound     ek754
 MI bound     ek755
 MI bound     ek756
 FR bound     ek759
 MI bound     ek760
 MI bound     ek761
 FR bound     ek764
 MI bound     ek765
 MI bound     ek766
 FR bound     ek769
 MI bound     ek770
 MI bound     ek771
 FR bound     ek774
 MI bound     ek775
 MI bound     ek776
 FR bound     ek779
 MI bound     ek780
 MI bound     ek781
 FR bound     ek784
 MI bound     ek785
 MI bound     ek786
 FR bound     ek789
 MI bound     ek790
 MI bound     ek791
 FR bound     ek794
 MI bound     ek795
 MI bound     ek796
 FR bound     ek799
 MI bound     ek800
 MI bound     ek801
 FR bound     ek804
 MI bound     ek805
 MI bound     ek806
 FR bound     ek809
 MI bound     ek856
 MI bound     ek857
 FX bound     ek858               0.
 FX bound     ek859               0.
 UP bound     ek860               0.
 MI bound     ek860
 MI bound     ek861
 MI bound     ek862
ENDATA
