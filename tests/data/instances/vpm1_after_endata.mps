*NAME:         vpm1
*ROWS:         234
*COLUMNS:      378
*INTEGER:      168
*NONZERO:      749
*BEST SOLN:    20 (opt)
*LP SOLN:      15.4167
*SOURCE:       
*              Laurence A. Wolsey (University of Louvain)
*              Martin W. P. Savelsbergh (Eindhoven Univ. of Technology)
*APPLICATION:  unknown
*COMMENTS:     all integer variables are binary
*              solution reported by Martin W. P. Savelsbergh
*       
NAME          VPM1
ROWS
 N  TIME....
 E  DATE0102
 E  DATE0103
 E  DATE0104
 E  DATE0105
 E  DATE0106
 E  DATE0202
 E  DATE0203
 E  DATE0204
 E  DATE0205
 E  DATE0206
 E  DATE0302
 E  DATE0303
 E  DATE0304
 E  DATE0305
 E  DATE0306
 E  DATE0402
 E  DATE0403
 E  DATE0404
 E  DATE0405
 E  DATE0406
 E  DATE0502
 E  DATE0503
 E  DATE0504
 E  DATE0505
 E  DATE0506
 E  DATE0602
 E  DATE0603
 E  DATE0604
 E  DATE0605
 E  DATE0606
 E  DATE0702
 E  DATE0703
 E  DATE0704
 E  DATE0705
 E  DATE0706
 E  DAT01.1.
 E  DAT02.1.
 E  DAT03.1.
 E  DAT04.1.
 E  DAT05.1.
 E  DAT06.1.
 E  DAT07.1.
 L  DURE101.
 L  DURE102.
 L  DURE103.
 L  DURE104.
 L  DURE105.
 L  DURE106.
 L  DURE201.
 L  DURE202.
 L  DURE203.
 L  DURE204.
 L  DURE205.
 L  DURE206.
 L  DURE301.
 L  DURE302.
 L  DURE303.
 L  DURE304.
 L  DURE305.
 L  DURE306.
 L  DURE401.
 L  DURE402.
 L  DURE403.
 L  DURE404.
 L  DURE405.
 L  DURE406.
 G  YC010101
 G  YC010102
 G  YC010103
 G  YC010104
 G  YC010105
 G  YC010106
 G  YC010201
 G  YC010202
 G  YC010203
 G  YC010204
 G  YC010205
 G  YC010206
 G  YC010301
 G  YC010302
 G  YC010303
 G  YC010304
 G  YC010305
 G  YC010306
 G  YC010401
 G  YC010402
 G  YC010403
 G  YC010404
 G  YC010405
 G  YC010406
 G  YC020101
 G  YC020102
 G  YC020103
 G  YC020104
 G  YC020105
 G  YC020106
 G  YC020201
 G  YC020202
 G  YC020203
 G  YC020204
 G  YC020205
 G  YC020206
 G  YC020301
 G  YC020302
 G  YC020303
 G  YC020304
 G  YC020305
 G  YC020306
 G  YC020401
 G  YC020402
 G  YC020403
 G  YC020404
 G  YC020405
 G  YC020406
 G  YC030101
 G  YC030102
 G  YC030103
 G  YC030104
 G  YC030105
 G  YC030106
 G  YC030201
 G  YC030202
 G  YC030203
 G  YC030204
 G  YC030205
 G  YC030206
 G  YC030301
 G  YC030302
 G  YC030303
 G  YC030304
 G  YC030305
 G  YC030306
 G  YC030401
 G  YC030402
 G  YC030403
 G  YC030404
 G  YC030405
 G  YC030406
 G  YC040101
 G  YC040102
 G  YC040103
 G  YC040104
 G  YC040105
 G  YC040106
 G  YC040201
 G  YC040202
 G  YC040203
 G  YC040204
 G  YC040205
 G  YC040206
 G  YC040301
 G  YC040302
 G  YC040303
 G  YC040304
 G  YC040305
 G  YC040306
 G  YC040401
 G  YC040402
 G  YC040403
 G  YC040404
 G  YC040405
 G  YC040406
 G  YC050101
 G  YC050102
 G  YC050103
 G  YC050104
 G  YC050105
 G  YC050106
 G  YC050201
 G  YC050202
 G  YC050203
 G  YC050204
 G  YC050205
 G  YC050206
 G  YC050301
 G  YC050302
 G  YC050303
 G  YC050304
 G  YC050305
 G  YC050306
 G  YC050401
 G  YC050402
 G  YC050403
 G  YC050404
 G  YC050405
 G  YC050406
 G  YC060101
 G  YC060102
 G  YC060103
 G  YC060104
 G  YC060105
 G  YC060106
 G  YC060201
 G  YC060202
 G  YC060203
 G  YC060204
 G  YC060205
 G  YC060206
 G  YC060301
 G  YC060302
 G  YC060303
 G  YC060304
 G  YC060305
 G  YC060306
 G  YC060401
 G  YC060402
 G  YC060403
 G  YC060404
 G  YC060405
 G  YC060406
 G  YC070101
 G  YC070102
 G  YC070103
 G  YC070104
 G  YC070105
 G  YC070106
 G  YC070201
 G  YC070202
 G  YC070203
 G  YC070204
 G  YC070205
 G  YC070206
 G  YC070301
 G  YC070302
 G  YC070303
 G  YC070304
 G  YC070305
 G  YC070306
 G  YC070401
 G  YC070402
 G  YC070403
 G  YC070404
 G  YC070405
 G  YC070406
COLUMNS
    X010101.  DAT01.1.           200   DURE101.             1
    X010101.  YC010101            -1
    X010102.  DATE0102           200   DURE102.             1
    X010102.  YC010102            -1
    X010103.  DATE0103           200   DURE103.             1
    X010103.  YC010103            -1
    X010104.  DATE0104           200   DURE104.             1
    X010104.  YC010104            -1
    X010105.  DATE0105           200   DURE105.             1
    X010105.  YC010105            -1
    X010106.  DATE0106           200   DURE106.             1
    X010106.  YC010106            -1
    X010201.  DAT01.1.           300   DURE201.             1
    X010201.  YC010201            -1
    X010202.  DATE0102           300   DURE202.             1
    X010202.  YC010202            -1
    X010203.  DATE0103           300   DURE203.             1
    X010203.  YC010203            -1
    X010204.  DATE0104           300   DURE204.             1
    X010204.  YC010204            -1
    X010205.  DATE0105           300   DURE205.             1
    X010205.  YC010205            -1
    X010206.  DATE0106           300   DURE206.             1
    X010206.  YC010206            -1
    X010301.  DAT01.1.           400   DURE301.             1
    X010301.  YC010301            -1
    X010302.  DATE0102           400   DURE302.             1
    X010302.  YC010302            -1
    X010303.  DATE0103           400   DURE303.             1
    X010303.  YC010303            -1
    X010304.  DATE0104           400   DURE304.             1
    X010304.  YC010304            -1
    X010305.  DATE0105           400   DURE305.             1
    X010305.  YC010305            -1
    X010306.  DATE0106           400   DURE306.             1
    X010306.  YC010306            -1
    X010401.  DAT01.1.           300   DURE401.             1
    X010401.  YC010401            -1
    X010402.  DATE0102           300   DURE402.             1
    X010402.  YC010402            -1
    X010403.  DATE0103           300   DURE403.             1
    X010403.  YC010403            -1
    X010404.  DATE0104           300   DURE404.             1
    X010404.  YC010404            -1
    X010405.  DATE0105           300   DURE405.             1
    X010405.  YC010405            -1
    X010406.  DATE0106           300   DURE406.             1
    X010406.  YC010406            -1
    X020101.  DAT02.1.           400   DURE101.             1
    X020101.  YC020101            -1
    X020102.  DATE0202           400   DURE102.             1
    X020102.  YC020102            -1
    X020103.  DATE0203           400   DURE103.             1
    X020103.  YC020103            -1
    X020104.  DATE0204           400   DURE104.             1
    X020104.  YC020104            -1
    X020105.  DATE0205           400   DURE105.             1
    X020105.  YC020105            -1
    X020106.  DATE0206           400   DURE106.             1
    X020106.  YC020106            -1
    X020201.  DAT02.1.           200   DURE201.             1
    X020201.  YC020201            -1
    X020202.  DATE0202           200   DURE202.             1
    X020202.  YC020202            -1
    X020203.  DATE0203           200   DURE203.             1
    X020203.  YC020203            -1
    X020204.  DATE0204           200   DURE204.             1
    X020204.  YC020204            -1
    X020205.  DATE0205           200   DURE205.             1
    X020205.  YC020205            -1
    X020206.  DATE0206           200   DURE206.             1
    X020206.  YC020206            -1
    X020301.  DAT02.1.           100   DURE301.             1
    X020301.  YC020301            -1
    X020302.  DATE0202           100   DURE302.             1
    X020302.  YC020302            -1
    X020303.  DATE0203           100   DURE303.             1
    X020303.  YC020303            -1
    X020304.  DATE0204           100   DURE304.             1
    X020304.  YC020304            -1
    X020305.  DATE0205           100   DURE305.             1
    X020305.  YC020305            -1
    X020306.  DATE0206           100   DURE306.             1
    X020306.  YC020306            -1
    X020401.  DAT02.1.           400   DURE401.             1
    X020401.  YC020401            -1
    X020402.  DATE0202           400   DURE402.             1
    X020402.  YC020402            -1
    X020403.  DATE0203           400   DURE403.             1
    X020403.  YC020403            -1
    X020404.  DATE0204           400   DURE404.             1
    X020404.  YC020404            -1
    X020405.  DATE0205           400   DURE405.             1
    X020405.  YC020405            -1
    X020406.  DATE0206           400   DURE406.             1
    X020406.  YC020406            -1
    X030101.  DAT03.1.           400   DURE101.             1
    X030101.  YC030101            -1
    X030102.  DATE0302           400   DURE102.             1
    X030102.  YC030102            -1
    X030103.  DATE0303           400   DURE103.             1
    X030103.  YC030103            -1
    X030104.  DATE0304           400   DURE104.             1
    X030104.  YC030104            -1
    X030105.  DATE0305           400   DURE105.             1
    X030105.  YC030105            -1
    X030106.  DATE0306           400   DURE106.             1
    X030106.  YC030106            -1
    X030201.  DAT03.1.           400   DURE201.             1
    X030201.  YC030201            -1
    X030202.  DATE0302           400   DURE202.             1
    X030202.  YC030202            -1
    X030203.  DATE0303           400   DURE203.             1
    X030203.  YC030203            -1
    X030204.  DATE0304           400   DURE204.             1
    X030204.  YC030204            -1
    X030205.  DATE0305           400   DURE205.             1
    X030205.  YC030205            -1
    X030206.  DATE0306           400   DURE206.             1
    X030206.  YC030206            -1
    X030301.  DAT03.1.           300   DURE301.             1
    X030301.  YC030301            -1
    X030302.  DATE0302           300   DURE302.             1
    X030302.  YC030302            -1
    X030303.  DATE0303           300   DURE303.             1
    X030303.  YC030303            -1
    X030304.  DATE0304           300   DURE304.             1
    X030304.  YC030304            -1
    X030305.  DATE0305           300   DURE305.             1
    X030305.  YC030305            -1
    X030306.  DATE0306           300   DURE306.             1
    X030306.  YC030306            -1
    X030401.  DAT03.1.           400   DURE401.             1
    X030401.  YC030401            -1
    X030402.  DATE0302           400   DURE402.             1
    X030402.  YC030402            -1
    X030403.  DATE0303           400   DURE403.             1
    X030403.  YC030403            -1
    X030404.  DATE0304           400   DURE404.             1
    X030404.  YC030404            -1
    X030405.  DATE0305           400   DURE405.             1
    X030405.  YC030405            -1
    X030406.  DATE0306           400   DURE406.             1
    X030406.  YC030406            -1
    X040101.  DAT04.1.           300   DURE101.             1
    X040101.  YC040101            -1
    X040102.  DATE0402           300   DURE102.             1
    X040102.  YC040102            -1
    X040103.  DATE0403           300   DURE103.             1
    X040103.  YC040103            -1
    X040104.  DATE0404           300   DURE104.             1
    X040104.  YC040104            -1
    X040105.  DATE0405           300   DURE105.             1
    X040105.  YC040105            -1
    X040106.  DATE0406           300   DURE106.             1
    X040106.  YC040106            -1
    X040201.  DAT04.1.           400   DURE201.             1
    X040201.  YC040201            -1
    X040202.  DATE0402           400   DURE202.             1
    X040202.  YC040202            -1
    X040203.  DATE0403           400   DURE203.             1
    X040203.  YC040203            -1
    X040204.  DATE0404           400   DURE204.             1
    X040204.  YC040204            -1
    X040205.  DATE0405           400   DURE205.             1
    X040205.  YC040205            -1
    X040206.  DATE0406           400   DURE206.             1
    X040206.  YC040206            -1
    X040301.  DAT04.1.           200   DURE301.             1
    X040301.  YC040301            -1
    X040302.  DATE0402           200   DURE302.             1
    X040302.  YC040302            -1
    X040303.  DATE0403           200   DURE303.             1
    X040303.  YC040303            -1
    X040304.  DATE0404           200   DURE304.             1
    X040304.  YC040304            -1
    X040305.  DATE0405           200   DURE305.             1
    X040305.  YC040305            -1
    X040306.  DATE0406           200   DURE306.             1
    X040306.  YC040306            -1
    X040401.  DAT04.1.           300   DURE401.             1
    X040401.  YC040401            -1
    X040402.  DATE0402           300   DURE402.             1
    X040402.  YC040402            -1
    X040403.  DATE0403           300   DURE403.             1
    X040403.  YC040403            -1
    X040404.  DATE0404           300   DURE404.             1
    X040404.  YC040404            -1
    X040405.  DATE0405           300   DURE405.             1
    X040405.  YC040405            -1
    X040406.  DATE0406           300   DURE406.             1
    X040406.  YC040406            -1
    X050101.  DAT05.1.           200   DURE101.             1
    X050101.  YC050101            -1
    X050102.  DATE0502           200   DURE102.             1
    X050102.  YC050102            -1
    X050103.  DATE0503           200   DURE103.             1
    X050103.  YC050103            -1
    X050104.  DATE0504           200   DURE104.             1
    X050104.  YC050104            -1
    X050105.  DATE0505           200   DURE105.             1
    X050105.  YC050105            -1
    X050106.  DATE0506           200   DURE106.             1
    X050106.  YC050106            -1
    X050201.  DAT05.1.           200   DURE201.             1
    X050201.  YC050201            -1
    X050202.  DATE0502           200   DURE202.             1
    X050202.  YC050202            -1
    X050203.  DATE0503           200   DURE203.             1
    X050203.  YC050203            -1
    X050204.  DATE0504           200   DURE204.             1
    X050204.  YC050204            -1
    X050205.  DATE0505           200   DURE205.             1
    X050205.  YC050205            -1
    X050206.  DATE0506           200   DURE206.             1
    X050206.  YC050206            -1
    X050301.  DAT05.1.           100   DURE301.             1
    X050301.  YC050301            -1
    X050302.  DATE0502           100   DURE302.             1
    X050302.  YC050302            -1
    X050303.  DATE0503           100   DURE303.             1
    X050303.  YC050303            -1
    X050304.  DATE0504           100   DURE304.             1
    X050304.  YC050304            -1
    X050305.  DATE0505           100   DURE305.             1
    X050305.  YC050305            -1
    X050306.  DATE0506           100   DURE306.             1
    X050306.  YC050306            -1
    X050401.  DAT05.1.           200   DURE401.             1
    X050401.  YC050401            -1
    X050402.  DATE0502           200   DURE402.             1
    X050402.  YC050402            -1
    X050403.  DATE0503           200   DURE403.             1
    X050403.  YC050403            -1
    X050404.  DATE0504           200   DURE404.             1
    X050404.  YC050404            -1
    X050405.  DATE0505           200   DURE405.             1
    X050405.  YC050405            -1
    X050406.  DATE0506           200   DURE406.             1
    X050406.  YC050406            -1
    X060101.  DAT06.1.           300   DURE101.             1
    X060101.  YC060101            -1
    X060102.  DATE0602           300   DURE102.             1
    X060102.  YC060102            -1
    X060103.  DATE0603           300   DURE103.             1
    X060103.  YC060103            -1
    X060104.  DATE0604           300   DURE104.             1
    X060104.  YC060104            -1
    X060105.  DATE0605           300   DURE105.             1
    X060105.  YC060105            -1
    X060106.  DATE0606           300   DURE106.             1
    X060106.  YC060106            -1
    X060201.  DAT06.1.           500   DURE201.             1
    X060201.  YC060201            -1
    X060202.  DATE0602           500   DURE202.             1
    X060202.  YC060202            -1
    X060203.  DATE0603           500   DURE203.             1
    X060203.  YC060203            -1
    X060204.  DATE0604           500   DURE204.             1
    X060204.  YC060204            -1
    X060205.  DATE0605           500   DURE205.             1
    X060205.  YC060205            -1
    X060206.  DATE0606           500   DURE206.             1
    X060206.  YC060206            -1
    X060301.  DAT06.1.           600   DURE301.             1
    X060301.  YC060301            -1
    X060302.  DATE0602           600   DURE302.             1
    X060302.  YC060302            -1
    X060303.  DATE0603           600   DURE303.             1
    X060303.  YC060303            -1
    X060304.  DATE0604           600   DURE304.             1
    X060304.  YC060304            -1
    X060305.  DATE0605           600   DURE305.             1
    X060305.  YC060305            -1
    X060306.  DATE0606           600   DURE306.             1
    X060306.  YC060306            -1
    X060401.  DAT06.1.           600   DURE401.             1
    X060401.  YC060401            -1
    X060402.  DATE0602           600   DURE402.             1
    X060402.  YC060402            -1
    X060403.  DATE0603           600   DURE403.             1
    X060403.  YC060403            -1
    X060404.  DATE0604           600   DURE404.             1
    X060404.  YC060404            -1
    X060405.  DATE0605           600   DURE405.             1
    X060405.  YC060405            -1
    X060406.  DATE0606           600   DURE406.             1
    X060406.  YC060406            -1
    X070101.  DAT07.1.           500   DURE101.             1
    X070101.  YC070101            -1
    X070102.  DATE0702           500   DURE102.             1
    X070102.  YC070102            -1
    X070103.  DATE0703           500   DURE103.             1
    X070103.  YC070103            -1
    X070104.  DATE0704           500   DURE104.             1
    X070104.  YC070104            -1
    X070105.  DATE0705           500   DURE105.             1
    X070105.  YC070105            -1
    X070106.  DATE0706           500   DURE106.             1
    X070106.  YC070106            -1
    X070201.  DAT07.1.           500   DURE201.             1
    X070201.  YC070201            -1
    X070202.  DATE0702           500   DURE202.             1
    X070202.  YC070202            -1
    X070203.  DATE0703           500   DURE203.             1
    X070203.  YC070203            -1
    X070204.  DATE0704           500   DURE204.             1
    X070204.  YC070204            -1
    X070205.  DATE0705           500   DURE205.             1
    X070205.  YC070205            -1
    X070206.  DATE0706           500   DURE206.             1
    X070206.  YC070206            -1
    X070301.  DAT07.1.           400   DURE301.             1
    X070301.  YC070301            -1
    X070302.  DATE0702           400   DURE302.             1
    X070302.  YC070302            -1
    X070303.  DATE0703           400   DURE303.             1
    X070303.  YC070303            -1
    X070304.  DATE0704           400   DURE304.             1
    X070304.  YC070304            -1
    X070305.  DATE0705           400   DURE305.             1
    X070305.  YC070305            -1
    X070306.  DATE0706           400   DURE306.             1
    X070306.  YC070306            -1
    X070401.  DAT07.1.           600   DURE401.             1
    X070401.  YC070401            -1
    X070402.  DATE0702           600   DURE402.             1
    X070402.  YC070402            -1
    X070403.  DATE0703           600   DURE403.             1
    X070403.  YC070403            -1
    X070404.  DATE0704           600   DURE404.             1
    X070404.  YC070404            -1
    X070405.  DATE0705           600   DURE405.             1
    X070405.  YC070405            -1
    X070406.  DATE0706           600   DURE406.             1
    X070406.  YC070406            -1
    MARK0000  'MARKER'                 'INTORG'
    Y010101.  TIME....             1   YC010101             1
    Y010102.  TIME....             1   YC010102             1
    Y010103.  TIME....             1   YC010103             1
    Y010104.  TIME....             1   YC010104             1
    Y010105.  TIME....             1   YC010105             1
    Y010106.  TIME....             1   YC010106             1
    Y010201.  TIME....             1   YC010201             1
    Y010202.  TIME....             1   YC010202             1
    Y010203.  TIME....             1   YC010203             1
    Y010204.  TIME....             1   YC010204             1
    Y010205.  TIME....             1   YC010205             1
    Y010206.  TIME....             1   YC010206             1
    Y010301.  TIME....             1   YC010301             1
    Y010302.  TIME....             1   YC010302             1
    Y010303.  TIME....             1   YC010303             1
    Y010304.  TIME....             1   YC010304             1
    Y010305.  TIME....             1   YC010305             1
    Y010306.  TIME....             1   YC010306             1
    Y010401.  TIME....             1   YC010401             1
    Y010402.  TIME....             1   YC010402             1
    Y010403.  TIME....             1   YC010403             1
    Y010404.  TIME....             1   YC010404             1
    Y010405.  TIME....             1   YC010405             1
    Y010406.  TIME....             1   YC010406             1
    Y020101.  TIME....             1   YC020101             1
    Y020102.  TIME....             1   YC020102             1
    Y020103.  TIME....             1   YC020103             1
    Y020104.  TIME....             1   YC020104             1
    Y020105.  TIME....             1   YC020105             1
    Y020106.  TIME....             1   YC020106             1
    Y020201.  TIME....             1   YC020201             1
    Y020202.  TIME....             1   YC020202             1
    Y020203.  TIME....             1   YC020203             1
    Y020204.  TIME....             1   YC020204             1
    Y020205.  TIME....             1   YC020205             1
    Y020206.  TIME....             1   YC020206             1
    Y020301.  TIME....             1   YC020301             1
    Y020302.  TIME....             1   YC020302             1
    Y020303.  TIME....             1   YC020303             1
    Y020304.  TIME....             1   YC020304             1
    Y020305.  TIME....             1   YC020305             1
    Y020306.  TIME....             1   YC020306             1
    Y020401.  TIME....             1   YC020401             1
    Y020402.  TIME....             1   YC020402             1
    Y020403.  TIME....             1   YC020403             1
    Y020404.  TIME....             1   YC020404             1
    Y020405.  TIME....             1   YC020405             1
    Y020406.  TIME....             1   YC020406             1
    Y030101.  TIME....             1   YC030101             1
    Y030102.  TIME....             1   YC030102             1
    Y030103.  TIME....             1   YC030103             1
    Y030104.  TIME....             1   YC030104             1
    Y030105.  TIME....             1   YC030105             1
    Y030106.  TIME....             1   YC030106             1
    Y030201.  TIME....             1   YC030201             1
    Y030202.  TIME....             1   YC030202             1
    Y030203.  TIME....             1   YC030203             1
    Y030204.  TIME....             1   YC030204             1
    Y030205.  TIME....             1   YC030205             1
    Y030206.  TIME....             1   YC030206             1
    Y030301.  TIME....             1   YC030301             1
    Y030302.  TIME....             1   YC030302             1
    Y030303.  TIME....             1   YC030303             1
    Y030304.  TIME....             1   YC030304             1
    Y030305.  TIME....             1   YC030305             1
    Y030306.  TIME....             1   YC030306             1
    Y030401.  TIME....             1   YC030401             1
    Y030402.  TIME....             1   YC030402             1
    Y030403.  TIME....             1   YC030403             1
    Y030404.  TIME....             1   YC030404             1
    Y030405.  TIME....             1   YC030405             1
    Y030406.  TIME....             1   YC030406             1
    Y040101.  TIME....             1   YC040101             1
    Y040102.  TIME....             1   YC040102             1
    Y040103.  TIME....             1   YC040103             1
    Y040104.  TIME....             1   YC040104             1
    Y040105.  TIME....             1   YC040105             1
    Y040106.  TIME....             1   YC040106             1
    Y040201.  TIME....             1   YC040201             1
    Y040202.  TIME....             1   YC040202             1
    Y040203.  TIME....             1   YC040203             1
    Y040204.  TIME....             1   YC040204             1
    Y040205.  TIME....             1   YC040205             1
    Y040206.  TIME....             1   YC040206             1
    Y040301.  TIME....             1   YC040301             1
    Y040302.  TIME....             1   YC040302             1
    Y040303.  TIME....             1   YC040303             1
    Y040304.  TIME....             1   YC040304             1
    Y040305.  TIME....             1   YC040305             1
    Y040306.  TIME....             1   YC040306             1
    Y040401.  TIME....             1   YC040401             1
    Y040402.  TIME....             1   YC040402             1
    Y040403.  TIME....             1   YC040403             1
    Y040404.  TIME....             1   YC040404             1
    Y040405.  TIME....             1   YC040405             1
    Y040406.  TIME....             1   YC040406             1
    Y050101.  TIME....             1   YC050101             1
    Y050102.  TIME....             1   YC050102             1
    Y050103.  TIME....             1   YC050103             1
    Y050104.  TIME....             1   YC050104             1
    Y050105.  TIME....             1   YC050105             1
    Y050106.  TIME....             1   YC050106             1
    Y050201.  TIME....             1   YC050201             1
    Y050202.  TIME....             1   YC050202             1
    Y050203.  TIME....             1   YC050203             1
    Y050204.  TIME....             1   YC050204             1
    Y050205.  TIME....             1   YC050205             1
    Y050206.  TIME....             1   YC050206             1
    Y050301.  TIME....             1   YC050301             1
    Y050302.  TIME....             1   YC050302             1
    Y050303.  TIME....             1   YC050303             1
    Y050304.  TIME....             1   YC050304             1
    Y050305.  TIME....             1   YC050305             1
    Y050306.  TIME....             1   YC050306             1
    Y050401.  TIME....             1   YC050401             1
    Y050402.  TIME....             1   YC050402             1
    Y050403.  TIME....             1   YC050403             1
    Y050404.  TIME....             1   YC050404             1
    Y050405.  TIME....             1   YC050405             1
    Y050406.  TIME....             1   YC050406             1
    Y060101.  TIME....             1   YC060101             1
    Y060102.  TIME....             1   YC060102             1
    Y060103.  TIME....             1   YC060103             1
    Y060104.  TIME....             1   YC060104             1
    Y060105.  TIME....             1   YC060105             1
    Y060106.  TIME....             1   YC060106             1
    Y060201.  TIME....             1   YC060201             1
    Y060202.  TIME....             1   YC060202             1
    Y060203.  TIME....             1   YC060203             1
    Y060204.  TIME....             1   YC060204             1
    Y060205.  TIME....             1   YC060205             1
    Y060206.  TIME....             1   YC060206             1
    Y060301.  TIME....             1   YC060301             1
    Y060302.  TIME....             1   YC060302             1
    Y060303.  TIME....             1   YC060303             1
    Y060304.  TIME....             1   YC060304             1
    Y060305.  TIME....             1   YC060305             1
    Y060306.  TIME....             1   YC060306             1
    Y060401.  TIME....             1   YC060401             1
    Y060402.  TIME....             1   YC060402             1
    Y060403.  TIME....             1   YC060403             1
    Y060404.  TIME....             1   YC060404             1
    Y060405.  TIME....             1   YC060405             1
    Y060406.  TIME....             1   YC060406             1
    Y070101.  TIME....             1   YC070101             1
    Y070102.  TIME....             1   YC070102             1
    Y070103.  TIME....             1   YC070103             1
    Y070104.  TIME....             1   YC070104             1
    Y070105.  TIME....             1   YC070105             1
    Y070106.  TIME....             1   YC070106             1
    Y070201.  TIME....             1   YC070201             1
    Y070202.  TIME....             1   YC070202             1
    Y070203.  TIME....             1   YC070203             1
    Y070204.  TIME....             1   YC070204             1
    Y070205.  TIME....             1   YC070205             1
    Y070206.  TIME....             1   YC070206             1
    Y070301.  TIME....             1   YC070301             1
    Y070302.  TIME....             1   YC070302             1
    Y070303.  TIME....             1   YC070303             1
    Y070304.  TIME....             1   YC070304             1
    Y070305.  TIME....             1   YC070305             1
    Y070306.  TIME....             1   YC070306             1
    Y070401.  TIME....             1   YC070401             1
    Y070402.  TIME....             1   YC070402             1
    Y070403.  TIME....             1   YC070403             1
    Y070404.  TIME....             1   YC070404             1
    Y070405.  TIME....             1   YC070405             1
    Y070406.  TIME....             1   YC070406             1
    MARK0001  'MARKER'                 'INTEND'
    S01.01..  DATE0102             1   DAT01.1.            -1
    S01.02..  DATE0102            -1   DATE0103             1
    S01.03..  DATE0103            -1   DATE0104             1
    S01.04..  DATE0104            -1   DATE0105             1
    S01.05..  DATE0105            -1   DATE0106             1
    S01.06..  DATE0106            -1
    S02.01..  DATE0202             1   DAT02.1.            -1
    S02.02..  DATE0202            -1   DATE0203             1
    S02.03..  DATE0203            -1   DATE0204             1
    S02.04..  DATE0204            -1   DATE0205             1
    S02.05..  DATE0205            -1   DATE0206             1
    S02.06..  DATE0206            -1
    S03.01..  DATE0302             1   DAT03.1.            -1
    S03.02..  DATE0302            -1   DATE0303             1
    S03.03..  DATE0303            -1   DATE0304             1
    S03.04..  DATE0304            -1   DATE0305             1
    S03.05..  DATE0305            -1   DATE0306             1
    S03.06..  DATE0306            -1
    S04.01..  DATE0402             1   DAT04.1.            -1
    S04.02..  DATE0402            -1   DATE0403             1
    S04.03..  DATE0403            -1   DATE0404             1
    S04.04..  DATE0404            -1   DATE0405             1
    S04.05..  DATE0405            -1   DATE0406             1
    S04.06..  DATE0406            -1
    S05.01..  DATE0502             1   DAT05.1.            -1
    S05.02..  DATE0502            -1   DATE0503             1
    S05.03..  DATE0503            -1   DATE0504             1
    S05.04..  DATE0504            -1   DATE0505             1
    S05.05..  DATE0505            -1   DATE0506             1
    S05.06..  DATE0506            -1
    S06.01..  DATE0602             1   DAT06.1.            -1
    S06.02..  DATE0602            -1   DATE0603             1
    S06.03..  DATE0603            -1   DATE0604             1
    S06.04..  DATE0604            -1   DATE0605             1
    S06.05..  DATE0605            -1   DATE0606             1
    S06.06..  DATE0606            -1
    S07.01..  DATE0702             1   DAT07.1.            -1
    S07.02..  DATE0702            -1   DATE0703             1
    S07.03..  DATE0703            -1   DATE0704             1
    S07.04..  DATE0704            -1   DATE0705             1
    S07.05..  DATE0705            -1   DATE0706             1
    S07.06..  DATE0706            -1
RHS
    RHSSET01  DATE0102           300   DATE0103           300
    RHSSET01  DATE0106           600   DATE0202           300
    RHSSET01  DATE0203           200   DATE0204           400
    RHSSET01  DATE0205           400   DATE0304           300
    RHSSET01  DATE0305           600   DATE0405           300
    RHSSET01  DATE0406           800   DATE0504           500
    RHSSET01  DATE0506           100   DATE0602           200
    RHSSET01  DATE0702           300   DATE0703           500
    RHSSET01  DAT01.1.           200   DAT02.1.          -400
    RHSSET01  DAT03.1.          -400   DAT04.1.          -500
    RHSSET01  DAT05.1.          -500   DAT06.1.           400
    RHSSET01  DAT07.1.          -300   DURE101.             1
    RHSSET01  DURE102.             1   DURE103.             1
    RHSSET01  DURE104.             1   DURE105.             1
    RHSSET01  DURE106.             1   DURE201.             1
    RHSSET01  DURE202.             1   DURE203.             1
    RHSSET01  DURE204.             1   DURE205.             1
    RHSSET01  DURE206.             1   DURE301.             1
    RHSSET01  DURE302.             1   DURE303.             1
    RHSSET01  DURE304.             1   DURE305.             1
    RHSSET01  DURE306.             1   DURE401.             1
    RHSSET01  DURE402.             1   DURE403.             1
    RHSSET01  DURE404.             1   DURE405.             1
    RHSSET01  DURE406.             1
BOUNDS
 UP BOUND01   X010101.             1
 UP BOUND01   X010102.             1
 UP BOUND01   X010103.             1
 UP BOUND01   X010104.             1
 UP BOUND01   X010105.             1
 UP BOUND01   X010106.             1
 UP BOUND01   X010201.             1
 UP BOUND01   X010202.             1
 UP BOUND01   X010203.             1
 UP BOUND01   X010204.             1
 UP BOUND01   X010205.             1
 UP BOUND01   X010206.             1
 UP BOUND01   X010301.             1
 UP BOUND01   X010302.             1
 UP BOUND01   X010303.             1
 UP BOUND01   X010304.             1
 UP BOUND01   X010305.             1
 UP BOUND01   X010306.             1
 UP BOUND01   X010401.             1
 UP BOUND01   X010402.             1
 UP BOUND01   X010403.             1
 UP BOUND01   X010404.             1
 UP BOUND01   X010405.             1
 UP BOUND01   X010406.             1
 UP BOUND01   X020101.             1
 UP BOUND01   X020102.             1
 UP BOUND01   X020103.             1
 UP BOUND01   X020104.             1
 UP BOUND01   X020105.             1
 UP BOUND01   X020106.             1
 UP BOUND01   X020201.             1
 UP BOUND01   X020202.             1
 UP BOUND01   X020203.             1
 UP BOUND01   X020204.             1
 UP BOUND01   X020205.             1
 UP BOUND01   X020206.             1
 UP BOUND01   X020301.             1
 UP BOUND01   X020302.             1
 UP BOUND01   X020303.             1
 UP BOUND01   X020304.             1
 UP BOUND01   X020305.             1
 UP BOUND01   X020306.             1
 UP BOUND01   X020401.             1
 UP BOUND01   X020402.             1
 UP BOUND01   X020403.             1
 UP BOUND01   X020404.             1
 UP BOUND01   X020405.             1
 UP BOUND01   X020406.             1
 UP BOUND01   X030101.             1
 UP BOUND01   X030102.             1
 UP BOUND01   X030103.             1
 UP BOUND01   X030104.             1
 UP BOUND01   X030105.             1
 UP BOUND01   X030106.             1
 UP BOUND01   X030201.             1
 UP BOUND01   X030202.             1
 UP BOUND01   X030203.             1
 UP BOUND01   X030204.             1
 UP BOUND01   X030205.             1
 UP BOUND01   X030206.             1
 UP BOUND01   X030301.             1
 UP BOUND01   X030302.             1
 UP BOUND01   X030303.             1
 UP BOUND01   X030304.             1
 UP BOUND01   X030305.             1
 UP BOUND01   X030306.             1
 UP BOUND01   X030401.             1
 UP BOUND01   X030402.             1
 UP BOUND01   X030403.             1
 UP BOUND01   X030404.             1
 UP BOUND01   X030405.             1
 UP BOUND01   X030406.             1
 UP BOUND01   X040101.             1
 UP BOUND01   X040102.             1
 UP BOUND01   X040103.             1
 UP BOUND01   X040104.             1
 UP BOUND01   X040105.             1
 UP BOUND01   X040106.             1
 UP BOUND01   X040201.             1
 UP BOUND01   X040202.             1
 UP BOUND01   X040203.             1
 UP BOUND01   X040204.             1
 UP BOUND01   X040205.             1
 UP BOUND01   X040206.             1
 UP BOUND01   X040301.             1
 UP BOUND01   X040302.             1
 UP BOUND01   X040303.             1
 UP BOUND01   X040304.             1
 UP BOUND01   X040305.             1
 UP BOUND01   X040306.             1
 UP BOUND01   X040401.             1
 UP BOUND01   X040402.             1
 UP BOUND01   X040403.             1
 UP BOUND01   X040404.             1
 UP BOUND01   X040405.             1
 UP BOUND01   X040406.             1
 UP BOUND01   X050101.             1
 UP BOUND01   X050102.             1
 UP BOUND01   X050103.             1
 UP BOUND01   X050104.             1
 UP BOUND01   X050105.             1
 UP BOUND01   X050106.             1
 UP BOUND01   X050201.             1
 UP BOUND01   X050202.             1
 UP BOUND01   X050203.             1
 UP BOUND01   X050204.             1
 UP BOUND01   X050205.             1
 UP BOUND01   X050206.             1
 UP BOUND01   X050301.             1
 UP BOUND01   X050302.             1
 UP BOUND01   X050303.             1
 UP BOUND01   X050304.             1
 UP BOUND01   X050305.             1
 UP BOUND01   X050306.             1
 UP BOUND01   X050401.             1
 UP BOUND01   X050402.             1
 UP BOUND01   X050403.             1
 UP BOUND01   X050404.             1
 UP BOUND01   X050405.             1
 UP BOUND01   X050406.             1
 UP BOUND01   X060101.             1
 UP BOUND01   X060102.             1
 UP BOUND01   X060103.             1
 UP BOUND01   X060104.             1
 UP BOUND01   X060105.             1
 UP BOUND01   X060106.             1
 UP BOUND01   X060201.             1
 UP BOUND01   X060202.             1
 UP BOUND01   X060203.             1
 UP BOUND01   X060204.             1
 UP BOUND01   X060205.             1
 UP BOUND01   X060206.             1
 UP BOUND01   X060301.             1
 UP BOUND01   X060302.             1
 UP BOUND01   X060303.             1
 UP BOUND01   X060304.             1
 UP BOUND01   X060305.             1
 UP BOUND01   X060306.             1
 UP BOUND01   X060401.             1
 UP BOUND01   X060402.             1
 UP BOUND01   X060403.             1
 UP BOUND01   X060404.             1
 UP BOUND01   X060405.             1
 UP BOUND01   X060406.             1
 UP BOUND01   X070101.             1
 UP BOUND01   X070102.             1
 UP BOUND01   X070103.             1
 UP BOUND01   X070104.             1
 UP BOUND01   X070105.             1
 UP BOUND01   X070106.             1
 UP BOUND01   X070201.             1
 UP BOUND01   X070202.             1
 UP BOUND01   X070203.             1
 UP BOUND01   X070204.             1
 UP BOUND01   X070205.             1
 UP BOUND01   X070206.             1
 UP BOUND01   X070301.             1
 UP BOUND01   X070302.             1
 UP BOUND01   X070303.             1
 UP BOUND01   X070304.             1
 UP BOUND01   X070305.             1
 UP BOUND01   X070306.             1
 UP BOUND01   X070401.             1
 UP BOUND01   X070402.             1
 UP BOUND01   X070403.             1
 UP BOUND01   X070404.             1
 UP BOUND01   X070405.             1
 UP BOUND01   X070406.             1
 UP BOUND01   Y010101.             1
 UP BOUND01   Y010102.             1
 UP BOUND01   Y010103.             1
 UP BOUND01   Y010104.             1
 UP BOUND01   Y010105.             1
 UP BOUND01   Y010106.             1
 UP BOUND01   Y010201.             1
 UP BOUND01   Y010202.             1
 UP BOUND01   Y010203.             1
 UP BOUND01   Y010204.             1
 UP BOUND01   Y010205.             1
 UP BOUND01   Y010206.             1
 UP BOUND01   Y010301.             1
 UP BOUND01   Y010302.             1
 UP BOUND01   Y010303.             1
 UP BOUND01   Y010304.             1
 UP BOUND01   Y010305.             1
 UP BOUND01   Y010306.             1
 UP BOUND01   Y010401.             1
 UP BOUND01   Y010402.             1
 UP BOUND01   Y010403.             1
 UP BOUND01   Y010404.             1
 UP BOUND01   Y010405.             1
 UP BOUND01   Y010406.             1
 UP BOUND01   Y020101.             1
 UP BOUND01   Y020102.             1
 UP BOUND01   Y020103.             1
 UP BOUND01   Y020104.             1
 UP BOUND01   Y020105.             1
 UP BOUND01   Y020106.             1
 UP BOUND01   Y020201.             1
 UP BOUND01   Y020202.             1
 UP BOUND01   Y020203.             1
 UP BOUND01   Y020204.             1
 UP BOUND01   Y020205.             1
 UP BOUND01   Y020206.             1
 UP BOUND01   Y020301.             1
 UP BOUND01   Y020302.             1
 UP BOUND01   Y020303.             1
 UP BOUND01   Y020304.             1
 UP BOUND01   Y020305.             1
 UP BOUND01   Y020306.             1
 UP BOUND01   Y020401.             1
 UP BOUND01   Y020402.             1
 UP BOUND01   Y020403.             1
 UP BOUND01   Y020404.             1
 UP BOUND01   Y020405.             1
 UP BOUND01   Y020406.             1
 UP BOUND01   Y030101.             1
 UP BOUND01   Y030102.             1
 UP BOUND01   Y030103.             1
 UP BOUND01   Y030104.             1
 UP BOUND01   Y030105.             1
 UP BOUND01   Y030106.             1
 UP BOUND01   Y030201.             1
 UP BOUND01   Y030202.             1
 UP BOUND01   Y030203.             1
 UP BOUND01   Y030204.             1
 UP BOUND01   Y030205.             1
 UP BOUND01   Y030206.             1
 UP BOUND01   Y030301.             1
 UP BOUND01   Y030302.             1
 UP BOUND01   Y030303.             1
 UP BOUND01   Y030304.             1
 UP BOUND01   Y030305.             1
 UP BOUND01   Y030306.             1
 UP BOUND01   Y030401.             1
 UP BOUND01   Y030402.             1
 UP BOUND01   Y030403.             1
 UP BOUND01   Y030404.             1
 UP BOUND01   Y030405.             1
 UP BOUND01   Y030406.             1
 UP BOUND01   Y040101.             1
 UP BOUND01   Y040102.             1
 UP BOUND01   Y040103.             1
 UP BOUND01   Y040104.             1
 UP BOUND01   Y040105.             1
 UP BOUND01   Y040106.             1
 UP BOUND01   Y040201.             1
 UP BOUND01   Y040202.             1
 UP BOUND01   Y040203.             1
 UP BOUND01   Y040204.             1
 UP BOUND01   Y040205.             1
 UP BOUND01   Y040206.             1
 UP BOUND01   Y040301.             1
 UP BOUND01   Y040302.             1
 UP BOUND01   Y040303.             1
 UP BOUND01   Y040304.             1
 UP BOUND01   Y040305.             1
 UP BOUND01   Y040306.             1
 UP BOUND01   Y040401.             1
 UP BOUND01   Y040402.             1
 UP BOUND01   Y040403.             1
 UP BOUND01   Y040404.             1
 UP BOUND01   Y040405.             1
 UP BOUND01   Y040406.             1
 UP BOUND01   Y050101.             1
 UP BOUND01   Y050102.             1
 UP BOUND01   Y050103.             1
 UP BOUND01   Y050104.             1
 UP BOUND01   Y050105.             1
 UP BOUND01   Y050106.             1
 UP BOUND01   Y050201.             1
 UP BOUND01   Y050202.             1
 UP BOUND01   Y050203.             1
 UP BOUND01   Y050204.             1
 UP BOUND01   Y050205.             1
 UP BOUND01   Y050206.             1
 UP BOUND01   Y050301.             1
 UP BOUND01   Y050302.             1
 UP BOUND01   Y050303.             1
 UP BOUND01   Y050304.             1
 UP BOUND01   Y050305.             1
 UP BOUND01   Y050306.             1
 UP BOUND01   Y050401.             1
 UP BOUND01   Y050402.             1
 UP BOUND01   Y050403.             1
 UP BOUND01   Y050404.             1
 UP BOUND01   Y050405.             1
 UP BOUND01   Y050406.             1
 UP BOUND01   Y060101.             1
 UP BOUND01   Y060102.             1
 UP BOUND01   Y060103.             1
 UP BOUND01   Y060104.             1
 UP BOUND01   Y060105.             1
 UP BOUND01   Y060106.             1
 UP BOUND01   Y060201.             1
 UP BOUND01   Y060202.             1
 UP BOUND01   Y060203.             1
 UP BOUND01   Y060204.             1
 UP BOUND01   Y060205.             1
 UP BOUND01   Y060206.             1
 UP BOUND01   Y060301.             1
 UP BOUND01   Y060302.             1
 UP BOUND01   Y060303.             1
 UP BOUND01   Y060304.             1
 UP BOUND01   Y060305.             1
 UP BOUND01   Y060306.             1
 UP BOUND01   Y060401.             1
 UP BOUND01   Y060402.             1
 UP BOUND01   Y060403.             1
 UP BOUND01   Y060404.             1
 UP BOUND01   Y060405.             1
 UP BOUND01   Y060406.             1
 UP BOUND01   Y070101.             1
 UP BOUND01   Y070102.             1
 UP BOUND01   Y070103.             1
 UP BOUND01   Y070104.             1
 UP BOUND01   Y070105.             1
 UP BOUND01   Y070106.             1
 UP BOUND01   Y070201.             1
 UP BOUND01   Y070202.             1
 UP BOUND01   Y070203.             1
 UP BOUND01   Y070204.             1
 UP BOUND01   Y070205.             1
 UP BOUND01   Y070206.             1
 UP BOUND01   Y070301.             1
 UP BOUND01   Y070302.             1
 UP BOUND01   Y070303.             1
 UP BOUND01   Y070304.             1
 UP BOUND01   Y070305.             1
 UP BOUND01   Y070306.             1
 UP BOUND01   Y070401.             1
 UP BOUND01   Y070402.             1
 UP BOUND01   Y070403.             1
 UP BOUND01   Y070404.             1
 UP BOUND01   Y070405.             1
 UP BOUND01   Y070406.             1
 LO BOUND01   S01.01..           100
 UP BOUND01   S01.01..           300
 LO BOUND01   S01.02..           100
 UP BOUND01   S01.02..           300
 LO BOUND01   S01.03..           100
 UP BOUND01   S01.03..           300
 LO BOUND01   S01.04..           100
 UP BOUND01   S01.04..           300
 LO BOUND01   S01.05..           100
 UP BOUND01   S01.05..           300
 LO BOUND01   S01.06..           100
 UP BOUND01   S01.06..           300
 LO BOUND01   S02.01..           200
 UP BOUND01   S02.01..           400
 LO BOUND01   S02.02..           200
 UP BOUND01   S02.02..           400
 LO BOUND01   S02.03..           200
 UP BOUND01   S02.03..           400
 LO BOUND01   S02.04..           200
 UP BOUND01   S02.04..           400
 LO BOUND01   S02.05..           200
 UP BOUND01   S02.05..           400
 LO BOUND01   S02.06..           200
 UP BOUND01   S02.06..           400
 LO BOUND01   S03.01..           300
 UP BOUND01   S03.01..           400
 LO BOUND01   S03.02..           300
 UP BOUND01   S03.02..           400
 LO BOUND01   S03.03..           300
 UP BOUND01   S03.03..           400
 LO BOUND01   S03.04..           300
 UP BOUND01   S03.04..           400
 LO BOUND01   S03.05..           300
 UP BOUND01   S03.05..           400
 LO BOUND01   S03.06..           300
 UP BOUND01   S03.06..           400
 LO BOUND01   S04.01..           400
 UP BOUND01   S04.01..           500
 LO BOUND01   S04.02..           400
 UP BOUND01   S04.02..           500
 LO BOUND01   S04.03..           400
 UP BOUND01   S04.03..           500
 LO BOUND01   S04.04..           400
 UP BOUND01   S04.04..           500
 LO BOUND01   S04.05..           400
 UP BOUND01   S04.05..           500
 LO BOUND01   S04.06..           400
 UP BOUND01   S04.06..           500
 LO BOUND01   S05.01..           200
 UP BOUND01   S05.01..           500
 LO BOUND01   S05.02..           200
 UP BOUND01   S05.02..           500
 LO BOUND01   S05.03..           200
 UP BOUND01   S05.03..           500
 LO BOUND01   S05.04..           200
 UP BOUND01   S05.04..           500
 LO BOUND01   S05.05..           200
 UP BOUND01   S05.05..           500
 LO BOUND01   S05.06..           200
 UP BOUND01   S05.06..           500
 LO BOUND01   S06.01..           300
 UP BOUND01   S06.01..           400
 LO BOUND01   S06.02..           300
 UP BOUND01   S06.02..           400
 LO BOUND01   S06.03..           300
 UP BOUND01   S06.03..           400
 LO BOUND01   S06.04..           300
 UP BOUND01   S06.04..           400
 LO BOUND01   S06.05..           300
 UP BOUND01   S06.05..           400
 LO BOUND01   S06.06..           300
 UP BOUND01   S06.06..           400
 LO BOUND01   S07.01..           200
 UP BOUND01   S07.01..           300
 LO BOUND01   S07.02..           200
 UP BOUND01   S07.02..           300
 LO BOUND01   S07.03..           200
 UP BOUND01   S07.03..           300
 LO BOUND01   S07.04..           200
 UP BOUND01   S07.04..           300
 LO BOUND01   S07.05..           200
 UP BOUND01   S07.05..           300
 LO BOUND01   S07.06..           200
 UP BOUND01   S07.06..           300
ENDATA
IMPORTANCES
Y010101.      2
Y010102.      2
Y010103.      2
Y010104.      2
Y010105.      2
Y010106.      2
Y010201.      2
Y010202.      2
Y010203.      2
Y010204.      2


